use proptest::prelude::*;

use super::*;
use crate::text::nfc;

/// Written for these tests: a branch studying a resolution.
pub(crate) const PARAGRAPH: &str = "HỌC TẬP NGHỊ QUYẾT Ở CHI BỘ\n\n\
    Chi bộ chúng tôi tổ chức học tập, quán triệt nghị quyết vào sáng thứ Bảy. \
    Mỗi đảng viên đọc kỹ văn bản, ghi lại những điểm mới và tự đặt câu hỏi cho mình. \
    Đồng chí bí thư nhấn mạnh: “Học để hiểu, hiểu để làm, làm để đưa nghị quyết vào cuộc sống.” \
    Cuối buổi, cả chi bộ thảo luận sôi nổi về các chỉ tiêu phát triển kinh tế, \
    văn hóa và xã hội của địa phương đến năm 2030…\n";

fn utf16le(text: &str, bom: bool) -> Vec<u8> {
    let mut out = if bom { vec![0xFF, 0xFE] } else { vec![] };
    out.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    out
}

fn utf16be(text: &str, bom: bool) -> Vec<u8> {
    let mut out = if bom { vec![0xFE, 0xFF] } else { vec![] };
    out.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
    out
}

/// Bytes shown as Windows-1252 characters: what copying text set in a
/// legacy font out of a PDF gives.
fn as_cp1252(bytes: &[u8]) -> String {
    bytes.iter().map(|&b| legacy::cp1252_char(b)).collect()
}

/// The paragraph in every form a Vietnamese PC produces, with what
/// detection must say about each.
pub(crate) fn every_form(text: &str) -> Vec<(&'static str, Vec<u8>, Option<Conversion>)> {
    use Conversion::{Decoded as D, Mojibake as M};
    use TextEncoding::*;
    let mut bom8 = vec![0xEF, 0xBB, 0xBF];
    bom8.extend(text.as_bytes());
    vec![
        ("UTF-8", text.as_bytes().to_vec(), None),
        ("UTF-8 with BOM", bom8, None),
        ("UTF-16 LE", utf16le(text, true), Some(D(Utf16Le))),
        ("UTF-16 BE", utf16be(text, true), Some(D(Utf16Be))),
        ("UTF-16 LE, no BOM", utf16le(text, false), Some(D(Utf16Le))),
        ("UTF-16 BE, no BOM", utf16be(text, false), Some(D(Utf16Be))),
        (
            "Windows-1258",
            encode_windows_1258(text),
            Some(D(Windows1258)),
        ),
        ("TCVN3", encode_tcvn3(text), Some(D(Tcvn3))),
        ("VNI", encode_vni(text), Some(D(Vni))),
        (
            "TCVN3 mojibake in UTF-8",
            as_cp1252(&encode_tcvn3(text)).into_bytes(),
            Some(M {
                container: Utf8,
                font: Tcvn3,
            }),
        ),
        (
            "VNI mojibake in UTF-8",
            as_cp1252(&encode_vni(text)).into_bytes(),
            Some(M {
                container: Utf8,
                font: Vni,
            }),
        ),
        (
            "VNI mojibake in UTF-16",
            utf16le(&as_cp1252(&encode_vni(text)), true),
            Some(M {
                container: Utf16Le,
                font: Vni,
            }),
        ),
    ]
}

#[test]
fn detection_picks_the_encoding_of_each_form_and_reads_the_same_text() {
    for (name, bytes, conversion) in every_form(PARAGRAPH) {
        let decoded = decode(&bytes).unwrap_or_else(|e| panic!("{name}: {e:?}"));
        assert_eq!(decoded.conversion, conversion, "{name}");
        assert_eq!(nfc(&decoded.text), PARAGRAPH, "{name}");
    }
}

#[test]
fn the_legacy_forms_really_differ_from_unicode() {
    // Otherwise the test above would prove nothing.
    let forms = every_form(PARAGRAPH);
    for (name, bytes, _) in &forms[6..] {
        assert_ne!(bytes.as_slice(), PARAGRAPH.as_bytes(), "{name}");
        let as_utf8 = String::from_utf8_lossy(bytes);
        assert!(score(&as_utf8) < 0.6, "{name} read as UTF-8 scores high");
    }
    assert!(score(PARAGRAPH) > 0.95);
}

#[test]
fn correct_unicode_is_never_converted() {
    for text in [
        PARAGRAPH,
        // Foreign names and Latin-1 letters among Vietnamese words.
        "Đoàn công tác thăm München, gặp ông Müller và bà Françoise ở quán café.",
        // Short, and all in Latin-1 letters that TCVN3 also uses.
        "Bà ở đâu?",
        "à á â ã è é ê ì í ò ó ô õ ù ú ý",
        "Hello, world. Plain English stays English.",
        "",
    ] {
        let decoded = decode(text.as_bytes()).unwrap();
        assert_eq!(decoded.text, text);
        assert_eq!(decoded.conversion, None, "{text}");
    }
}

#[test]
fn short_mojibake_is_still_recognised() {
    let d = decode("Vieät Nam".as_bytes()).unwrap();
    assert_eq!(d.text, "Việt Nam");
    let d = decode("NghÞ quyÕt §¹i héi".as_bytes()).unwrap();
    assert_eq!(nfc(&d.text), "Nghị quyết Đại hội");
    let d = decode("Ñaûng".as_bytes()).unwrap();
    assert_eq!(d.text, "Đảng");
}

#[test]
fn binary_and_unrecognised_bytes_are_refused_with_a_reason() {
    assert_eq!(decode(b"PK\x03\x04\x00\x00"), Err(DecodeError::Binary));
    // One word is too little to name an encoding: "Nghì" in VNI, or damage.
    assert_eq!(
        decode(b"Ngh\xec"),
        Err(DecodeError::Unrecognised { line: 1, column: 4 })
    );
    assert_eq!(
        decode(b"abc\n\xff\xfe\xfd\xfc \x80\x81\x82"),
        Err(DecodeError::Unrecognised { line: 2, column: 1 })
    );
    // UTF-8 with one damaged byte is not passed off as a legacy encoding.
    let mut damaged = PARAGRAPH.as_bytes().to_vec();
    damaged[60] = 0xFF; // the "i" of "tôi"
    assert_eq!(
        decode(&damaged),
        Err(DecodeError::Unrecognised {
            line: 3,
            column: 16
        })
    );
    assert_eq!(
        decode(b"\xef\xbb\xbfab\xff"),
        Err(DecodeError::Unrecognised { line: 1, column: 3 })
    );
}

#[test]
fn windows_1258_writes_tones_as_marks_and_reads_back() {
    // "Nghị" is "Nghi" + combining dot below (0xF2).
    assert_eq!(encode_windows_1258("Nghị"), b"Nghi\xf2");
    assert_eq!(
        nfc(&decode_windows_1258(b"Nghi\xf2 quy\xea\xect")),
        "Nghị quyết"
    );
}

#[test]
fn detection_reads_only_a_bounded_sample() {
    // A large TCVN3 file whose tail is not scored still decodes whole.
    let big = PARAGRAPH.repeat(4 * SAMPLE_BYTES / PARAGRAPH.len());
    let d = decode(&encode_tcvn3(&big)).unwrap();
    assert_eq!(d.conversion, Some(Conversion::Decoded(TextEncoding::Tcvn3)));
    assert_eq!(nfc(&d.text), big);
}

fn vietnamese_text() -> impl Strategy<Value = String> {
    let letters: Vec<char> = legacy_letters();
    prop::collection::vec(
        prop_oneof![
            8 => prop::sample::select(letters),
            2 => prop::sample::select(vec![' ', ',', '.', '\n', '1', '“', '”']),
        ],
        0..200,
    )
    .prop_map(|chars| chars.into_iter().collect())
}

fn legacy_letters() -> Vec<char> {
    let mut letters = Vec::new();
    for base in "aăâeêioôơuưy".chars() {
        for tone in syllable::Tone::ALL {
            let c = syllable::with_tone(base, tone).unwrap();
            letters.push(c);
            letters.push(c.to_uppercase().next().unwrap());
        }
    }
    letters.extend("bcdđghklmnpqrstvxBCDĐGHKLMNPQRSTVX".chars());
    letters
}

proptest! {
    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..2000)) {
        match decode(&bytes) {
            Ok(d) => prop_assert!(d.text.len() <= bytes.len() * 3 + 3),
            Err(DecodeError::Binary) => prop_assert!(bytes.contains(&0)),
            Err(DecodeError::Unrecognised { line, column }) => {
                prop_assert!(line >= 1 && column >= 1)
            }
        }
    }

    #[test]
    fn arbitrary_valid_unicode_without_latin1_is_kept(text in "[a-zđăơư ạ-ỹ\\.\\n]{0,300}") {
        let d = decode(text.as_bytes()).unwrap();
        prop_assert_eq!(d.text, text);
        prop_assert_eq!(d.conversion, None);
    }

    #[test]
    fn legacy_encoders_round_trip(text in vietnamese_text()) {
        let text = nfc(&text).into_owned();
        let nfc_owned = |s: String| nfc(&s).into_owned();
        prop_assert_eq!(nfc_owned(decode_tcvn3(&encode_tcvn3(&text))), text.as_str());
        prop_assert_eq!(decode_vni(&encode_vni(&text)), text.as_str());
        prop_assert_eq!(nfc_owned(decode_windows_1258(&encode_windows_1258(&text))), text.as_str());
        let tcvn3_moji = as_cp1252(&encode_tcvn3(&text));
        prop_assert_eq!(nfc_owned(demojibake_tcvn3(&tcvn3_moji)), text.as_str());
        prop_assert_eq!(demojibake_vni(&as_cp1252(&encode_vni(&text))), text.as_str());
    }

    #[test]
    fn every_decoder_survives_arbitrary_input(bytes in prop::collection::vec(any::<u8>(), 0..500), s in ".{0,200}") {
        let _ = decode_tcvn3(&bytes);
        let _ = decode_vni(&bytes);
        let _ = decode_windows_1258(&bytes);
        let _ = demojibake_tcvn3(&s);
        let _ = demojibake_vni(&s);
        let _ = encode_tcvn3(&s);
        let _ = encode_vni(&s);
        let _ = encode_windows_1258(&s);
        let _ = syllable::score(&s);
    }
}
