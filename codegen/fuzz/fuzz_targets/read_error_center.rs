//! The Error Center export reader on any bytes.

#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use tencentcloud_error_codes_build::read::decode;
use tencentcloud_error_codes_build::read::error_center::read_export;
use tencentcloud_error_codes_build_fuzz::assert_one_line;

fuzz_target!(|bytes: &[u8]| {
    let path = Path::new("export.json");
    match decode(path, bytes.to_vec()).and_then(|text| read_export(path, &text)) {
        Ok(export) => {
            for warning in &export.warnings {
                let message = warning.to_string();
                assert!(message.starts_with("export.json"), "{message}");
                assert!(!message.contains('\n'), "{message:?}");
            }
        }
        Err(error) => assert_one_line("export.json", &error),
    }
});
