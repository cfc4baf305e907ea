//! The manifest on any bytes: parsed and validated, or refused on one line; what parses writes
//! back as JSON that parses to the same manifest.

#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use tencentcloud_error_codes_build::Manifest;
use tencentcloud_error_codes_build_fuzz::assert_one_line;

fuzz_target!(|bytes: &[u8]| {
    let path = Path::new("sources.json");
    match Manifest::parse(path, bytes) {
        Ok(manifest) => {
            let again = Manifest::parse(path, manifest.to_json().as_bytes())
                .expect("a manifest's own JSON parses");
            assert_eq!(again, manifest);
        }
        Err(error) => assert_one_line("sources.json", &error),
    }
});
