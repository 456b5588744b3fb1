//! Names and hashes that are written to files and must stay the same
//! between builds and platforms: the FNV-1a hash behind key-point and
//! question ids, the fingerprint of a question's content, and the plain
//! ASCII "slug" used in folder and file names.

use crate::quiz::Question;
use crate::text::{Fold, fold, nfc};

/// FNV-1a, 64 bits: a hash that never changes between builds or platforms
/// (std's hashers may), so ids written to files stay valid.
pub fn fnv1a(bytes: &[u8]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash
}

/// A folder name for a person's name: "Nguyễn Văn Ân" → "nguyen-van-an".
pub fn slug(name: &str) -> String {
    let folded = fold(&nfc(name), Fold::Marks);
    let mut out = String::new();
    for c in folded.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    let out = out.trim_end_matches('-').to_string();
    if out.is_empty() {
        "ho-so".to_string()
    } else {
        out
    }
}

/// A fingerprint of what a question asks and accepts: its prompt and answer.
/// Tags, explanation and source may change without making it a new question.
pub fn fingerprint(question: &Question) -> u64 {
    let text = ron::to_string(&(&question.prompt, &question.answer)).unwrap_or_default();
    fnv1a(text.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_hash_is_fnv1a_and_never_changes() {
        // Published FNV-1a 64 test vectors.
        assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv1a(b"foobar"), 0x8594_4171_f739_67e8);
    }

    #[test]
    fn names_become_plain_folder_names() {
        assert_eq!(slug("Nguyễn Văn Ân"), "nguyen-van-an");
        assert_eq!(slug("  Đỗ  Thị---Hoa! "), "do-thi-hoa");
        assert_eq!(slug("…"), "ho-so");
    }
}
