//! The seal on an exam result: an HMAC-SHA-256 over everything the result
//! file says, written into it when the exam is handed in. A score, an
//! answer or a time changed in a text editor afterwards no longer matches
//! the seal, and `nghiquyet report` says so.
//!
//! What it does not do: the key is in the app (every learner's PC has it,
//! and the source is public), so someone who reads the source and writes a
//! program can make a new seal for an edited file. It tells an edited file
//! from an untouched one for everyone else; `report` re-grades every answer
//! against the exam file anyway, so a sealed file can only lie about the
//! answers themselves, not about what they score.

use hmac::{Hmac, Mac};
use sha2::Sha256;

/// The app's key. Changing it makes every earlier result unverifiable.
const KEY: &[u8] = b"nghiquyet exam result seal, version 1";

fn mac_of(text: &str) -> Hmac<Sha256> {
    let mut mac = Hmac::<Sha256>::new_from_slice(KEY).expect("HMAC takes a key of any length");
    mac.update(text.as_bytes());
    mac
}

/// The seal of `text` (a result written without its seal), in hex.
pub fn seal(text: &str) -> String {
    let bytes = mac_of(text).finalize().into_bytes();
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Whether `seal` is the seal of `text`; compared in constant time.
pub fn matches(text: &str, seal: &str) -> bool {
    unhex(seal).is_some_and(|given| mac_of(text).verify_slice(&given).is_ok())
}

fn unhex(text: &str) -> Option<Vec<u8>> {
    if !text.len().is_multiple_of(2) || !text.is_ascii() {
        return None;
    }
    (0..text.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&text[i..i + 2], 16).ok())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hmac_sha256_is_the_standard_one() {
        // RFC 4231, test case 2.
        let mut mac = Hmac::<Sha256>::new_from_slice(b"Jefe").unwrap();
        mac.update(b"what do ya want for nothing?");
        let hex: String = mac
            .finalize()
            .into_bytes()
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        assert_eq!(
            hex,
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
        );
    }

    #[test]
    fn a_changed_text_no_longer_matches_its_seal() {
        let sealed = seal("percent: 20");
        assert_eq!(sealed.len(), 64);
        assert!(matches("percent: 20", &sealed));
        assert!(!matches("percent: 100", &sealed));
        assert!(!matches("percent: 20", "xyz"));
        assert!(!matches("percent: 20", ""));
    }
}
