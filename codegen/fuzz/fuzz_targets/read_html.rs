//! The html reader on any bytes.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    tencentcloud_error_codes_build_fuzz::read_page_bytes("page.html", bytes);
});
