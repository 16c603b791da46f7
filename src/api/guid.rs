//! GUIDs for the `MS-CorrelationId` and `MS-RequestId` headers.

/// A version 4 GUID made of 16 random bytes, in its usual text form.
pub fn guid_from_bytes(mut bytes: [u8; 16]) -> String {
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    let hex: String = bytes.iter().map(|byte| format!("{byte:02x}")).collect();
    format!("{}-{}-{}-{}-{}", &hex[0..8], &hex[8..12], &hex[12..16], &hex[16..20], &hex[20..32])
}

/// A new random GUID from the browser's `crypto.getRandomValues` (which, unlike
/// `crypto.randomUUID`, works on plain-HTTP static hosts too).
pub fn new_guid() -> String {
    let mut bytes = [0u8; 16];
    let filled = web_sys::window()
        .and_then(|window| window.crypto().ok())
        .and_then(|crypto| crypto.get_random_values_with_u8_array(&mut bytes).ok())
        .is_some();
    if !filled {
        // No Web Crypto (not seen in any browser that runs wasm): fall back to Math.random.
        for byte in bytes.iter_mut() {
            *byte = (js_sys::Math::random() * 256.0) as u8;
        }
    }
    guid_from_bytes(bytes)
}

#[cfg(test)]
mod tests {
    use super::guid_from_bytes;

    #[test]
    fn formats_a_version_4_guid() {
        let guid = guid_from_bytes([0xff; 16]);
        assert_eq!(guid, "ffffffff-ffff-4fff-bfff-ffffffffffff");
        let guid = guid_from_bytes([0; 16]);
        assert_eq!(guid, "00000000-0000-4000-8000-000000000000");
    }
}
