//! A quick reader for the month files this app writes ([`super::rows_text`]).
//!
//! A learner with years of answers has 100,000 lines to read before the first
//! screen can say what is due; the general RON parser spent three quarters of
//! that time. This reader knows the one layout we write — the header fields
//! in order, one question or answer per line, strings without escapes — and
//! gives up (`None`) at the first thing it does not expect, so that the RON
//! parser reads the file as before: a file edited by hand, an escaped quote in
//! a name, a number written as `0x10`. When it does read a file, it gives the
//! same value the RON parser would (a property test holds it to that).

use std::borrow::Cow;

use super::{MonthFile, Row};
use crate::progress::record::{Mode, QuestionRef, Rating};
use crate::quiz::{Response, Verdict};

/// The month file in `text`, or `None` where the RON parser must read it.
pub fn month_file(text: &str) -> Option<MonthFile> {
    let mut c = Cursor {
        s: crate::text::strip_bom(text).as_bytes(),
        at: 0,
        implicit_some: false,
    };
    c.ws();
    if c.eat("#![enable(implicit_some)]") {
        c.implicit_some = true;
        c.ws();
    }
    c.expect("(")?;
    c.field("version")?;
    let version = c.unsigned()?.try_into().ok()?;
    c.comma()?;
    c.field("month")?;
    let month = c.string()?;
    c.comma()?;
    c.field("questions")?;
    let questions = c.list(Cursor::question)?;
    c.comma()?;
    c.field("answers")?;
    let answers = c.list(Cursor::row)?;
    c.ws();
    if c.eat(",") {
        c.ws();
    }
    c.expect(")")?;
    c.ws();
    (c.at == c.s.len()).then_some(MonthFile {
        version,
        month,
        questions,
        answers,
    })
}

struct Cursor<'a> {
    s: &'a [u8],
    at: usize,
    /// Whether the file allows `x` for `Some(x)`, as ours do.
    implicit_some: bool,
}

impl Cursor<'_> {
    fn ws(&mut self) {
        while let Some(b' ' | b'\n' | b'\r' | b'\t') = self.s.get(self.at) {
            self.at += 1;
        }
    }

    fn peek(&self) -> Option<u8> {
        self.s.get(self.at).copied()
    }

    fn eat(&mut self, token: &str) -> bool {
        let found = self.s[self.at..].starts_with(token.as_bytes());
        if found {
            self.at += token.len();
        }
        found
    }

    /// `token` after optional white space.
    fn expect(&mut self, token: &str) -> Option<()> {
        self.ws();
        self.eat(token).then_some(())
    }

    fn comma(&mut self) -> Option<()> {
        self.expect(",")
    }

    /// `name:` and the white space after it.
    fn field(&mut self, name: &str) -> Option<()> {
        self.expect(name)?;
        self.expect(":")?;
        self.ws();
        Some(())
    }

    /// `[item, item, …]` (a trailing comma allowed).
    fn list<T>(&mut self, mut item: impl FnMut(&mut Self) -> Option<T>) -> Option<Vec<T>> {
        self.expect("[")?;
        let mut out = Vec::new();
        loop {
            self.ws();
            if self.eat("]") {
                return Some(out);
            }
            out.push(item(self)?);
            self.ws();
            if !self.eat(",") {
                return self.expect("]").map(|()| out);
            }
        }
    }

    /// The run of bytes that a number is made of, ending at a delimiter.
    fn number_text(&mut self, allowed: impl Fn(u8) -> bool) -> Option<&str> {
        let start = self.at;
        while self.peek().is_some_and(&allowed) {
            self.at += 1;
        }
        // `0x1f`, `1_000`, `1e3` where not allowed: the RON parser's business.
        if self.at == start
            || self
                .peek()
                .is_some_and(|b| b.is_ascii_alphanumeric() || b == b'_')
        {
            return None;
        }
        std::str::from_utf8(&self.s[start..self.at]).ok()
    }

    fn unsigned(&mut self) -> Option<u64> {
        let digits = self.number_text(|b| b.is_ascii_digit())?;
        digits.parse().ok()
    }

    fn signed(&mut self) -> Option<i64> {
        let negative = self.eat("-");
        let digits = self.number_text(|b| b.is_ascii_digit())?;
        let n: i64 = digits.parse().ok()?;
        Some(if negative { -n } else { n })
    }

    fn float(&mut self) -> Option<f32> {
        let negative = self.eat("-");
        // RON writes small scores with an exponent: "5.1341118e-5".
        let text = self
            .number_text(|b| b.is_ascii_digit() || matches!(b, b'.' | b'e' | b'E' | b'-' | b'+'))?;
        let mantissa = text.split(['e', 'E']).next().unwrap_or(text);
        // "1." and ".5" are RON's to judge.
        if mantissa.starts_with('.') || mantissa.ends_with('.') {
            return None;
        }
        let x: f32 = text.parse().ok()?;
        Some(if negative { -x } else { x })
    }

    /// A string without escapes, NFC-normalised as every text we read.
    fn string(&mut self) -> Option<String> {
        if !self.eat("\"") {
            return None;
        }
        let start = self.at;
        let len = self.s[start..]
            .iter()
            .position(|&b| b == b'"' || b == b'\\')?;
        if self.s[start + len] == b'\\' {
            return None;
        }
        self.at = start + len + 1;
        let raw = std::str::from_utf8(&self.s[start..start + len]).ok()?;
        Some(match crate::text::nfc(raw) {
            Cow::Borrowed(s) => s.to_string(),
            Cow::Owned(s) => s,
        })
    }

    /// A bare word: a variant's name, `None`, `true`.
    fn word(&mut self) -> Option<&str> {
        let start = self.at;
        while self
            .peek()
            .is_some_and(|b| b.is_ascii_alphanumeric() || b == b'_')
        {
            self.at += 1;
        }
        std::str::from_utf8(&self.s[start..self.at]).ok()
    }

    /// `Some(x)`, `x` (the implicit `Some` we write) or `None`.
    fn option<T>(&mut self, value: impl Fn(&mut Self) -> Option<T>) -> Option<Option<T>> {
        if self.eat("None") {
            return Some(None);
        }
        if self.eat("Some") {
            self.expect("(")?;
            self.ws();
            let x = value(self)?;
            self.expect(")")?;
            return Some(Some(x));
        }
        if !self.implicit_some {
            return None;
        }
        value(self).map(Some)
    }

    fn index(&mut self) -> Option<usize> {
        self.unsigned()?.try_into().ok()
    }

    fn boolean(&mut self) -> Option<bool> {
        match self.word()? {
            "true" => Some(true),
            "false" => Some(false),
            _ => None,
        }
    }

    /// `(document: "…", set: "…", id: "…", fingerprint: N)`
    fn question(&mut self) -> Option<QuestionRef> {
        self.expect("(")?;
        self.field("document")?;
        let document = self.string()?;
        self.comma()?;
        self.field("set")?;
        let set = self.string()?;
        self.comma()?;
        self.field("id")?;
        let id = self.string()?;
        self.comma()?;
        self.field("fingerprint")?;
        let fingerprint = self.unsigned()?;
        self.ws();
        if self.eat(",") {
            self.ws();
        }
        self.expect(")")?;
        Some(QuestionRef {
            document,
            set,
            id,
            fingerprint,
        })
    }

    /// `(question, at, millis, Verdict, score, Rating, Mode, response)`
    fn row(&mut self) -> Option<Row> {
        self.expect("(")?;
        self.ws();
        let question = self.unsigned()?.try_into().ok()?;
        self.comma()?;
        self.ws();
        let at = self.signed()?;
        self.comma()?;
        self.ws();
        let millis = self.unsigned()?.try_into().ok()?;
        self.comma()?;
        self.ws();
        let verdict = match self.word()? {
            "Right" => Verdict::Right,
            "RightWithNote" => Verdict::RightWithNote,
            "Partial" => Verdict::Partial,
            "Wrong" => Verdict::Wrong,
            _ => return None,
        };
        self.comma()?;
        self.ws();
        let score = self.float()?;
        self.comma()?;
        self.ws();
        let rating = match self.word()? {
            "Again" => Rating::Again,
            "Hard" => Rating::Hard,
            "Good" => Rating::Good,
            "Easy" => Rating::Easy,
            _ => return None,
        };
        self.comma()?;
        self.ws();
        let mode = match self.word()? {
            "Practice" => Mode::Practice,
            "Review" => Mode::Review,
            "Exam" => Mode::Exam,
            "Session" => Mode::Session,
            _ => return None,
        };
        self.comma()?;
        self.ws();
        let response = self.option(Cursor::response)?;
        self.ws();
        if self.eat(",") {
            self.ws();
        }
        self.expect(")")?;
        Some(Row(
            question, at, millis, verdict, score, rating, mode, response,
        ))
    }

    fn response(&mut self) -> Option<Response> {
        let variant = self.word()?.to_string();
        self.expect("(")?;
        self.ws();
        let response = match variant.as_str() {
            "Choice" => Response::Choice(self.option(Cursor::index)?),
            "Choices" => Response::Choices(self.list(Cursor::index)?),
            "TrueFalse" => Response::TrueFalse(self.option(Cursor::boolean)?),
            "Blanks" => Response::Blanks(self.list(Cursor::string)?),
            "Number" => Response::Number(self.string()?),
            "Order" => Response::Order(self.list(Cursor::index)?),
            "Matches" => Response::Matches(self.list(|c| c.option(Cursor::index))?),
            _ => return None,
        };
        self.expect(")")?;
        Some(response)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::progress::files::{PROGRESS_VERSION, rows_text};
    use proptest::prelude::*;

    fn ron_reads(text: &str) -> Option<MonthFile> {
        crate::storage::parse_ron(std::path::Path::new("m.ron"), text).ok()
    }

    fn file(questions: Vec<QuestionRef>, answers: Vec<Row>) -> MonthFile {
        MonthFile {
            version: PROGRESS_VERSION,
            month: "2026-11".into(),
            questions,
            answers,
        }
    }

    fn question(id: &str) -> QuestionRef {
        QuestionRef {
            document: "nghị-quyết".into(),
            set: "bộ câu hỏi".into(),
            id: id.into(),
            fingerprint: u64::MAX,
        }
    }

    fn row(q: u32, response: Option<Response>) -> Row {
        Row(
            q,
            1_764_547_200_123,
            4_250,
            Verdict::Partial,
            0.333_333_34,
            Rating::Hard,
            Mode::Session,
            response,
        )
    }

    #[test]
    fn reads_what_we_write_as_the_ron_parser_does() {
        let f = file(
            vec![question("câu-1"), question("")],
            vec![
                row(0, None),
                row(1, Some(Response::Choice(None))),
                row(1, Some(Response::Choice(Some(3)))),
                row(0, Some(Response::Choices(vec![]))),
                row(0, Some(Response::Choices(vec![0, 2]))),
                row(0, Some(Response::TrueFalse(Some(false)))),
                row(0, Some(Response::TrueFalse(None))),
                row(0, Some(Response::Blanks(vec!["Đổi mới".into(), "".into()]))),
                row(0, Some(Response::Number("-12.000,5".into()))),
                row(0, Some(Response::Order(vec![2, 0, 1]))),
                row(0, Some(Response::Matches(vec![Some(1), None]))),
            ],
        );
        let text = rows_text(&f).unwrap();
        assert_eq!(month_file(&text), Some(f.clone()));
        assert_eq!(ron_reads(&text), Some(f));
        let empty = file(vec![], vec![]);
        assert_eq!(month_file(&rows_text(&empty).unwrap()), Some(empty));
    }

    #[test]
    fn leaves_to_the_ron_parser_what_it_does_not_expect() {
        let f = file(
            vec![question("a \"quoted\" id")],
            vec![row(0, Some(Response::Number("1".into())))],
        );
        let escaped = rows_text(&f).unwrap();
        assert_eq!(month_file(&escaped), None, "an escape");
        assert_eq!(ron_reads(&escaped), Some(f));

        let plain = rows_text(&file(vec![question("x")], vec![row(0, None)])).unwrap();
        assert!(month_file(&plain).is_some());
        for (from, to) in [
            ("4250", "0x1092"),
            ("4250", "4_250"),
            ("Hard", "Hard2"),
            ("Session", "session"),
            ("version", "versio"),
            ("fingerprint", "hash"),
            ("None", "Nothing"),
        ] {
            let edited = plain.replacen(from, to, 1);
            assert_eq!(month_file(&edited), None, "{from} -> {to}");
        }
        // Something after the file's closing bracket.
        assert_eq!(month_file(&format!("{plain})")), None);
        assert_eq!(month_file(""), None);
    }

    #[test]
    fn a_decomposed_name_is_read_composed() {
        let mut q = question("x");
        q.set = "Nghị quyết".into();
        let text = rows_text(&file(vec![q], vec![])).unwrap();
        // As another program might have written it, with the marks apart.
        let text = text.replace("Nghị quyết", "Nghi\u{0323} quyê\u{0301}t");
        assert!(text.contains('\u{0301}'));
        let read = month_file(&text).unwrap();
        assert_eq!(read.questions[0].set, "Nghị quyết");
        assert_eq!(ron_reads(&text).unwrap(), read);
    }

    fn any_response() -> impl Strategy<Value = Option<Response>> {
        let text = "[a-zA-Zà-ỹ0-9 ,.\"\\\\-]{0,8}";
        prop_oneof![
            Just(None),
            proptest::option::of(0usize..1000).prop_map(|c| Some(Response::Choice(c))),
            proptest::collection::vec(0usize..9, 0..4).prop_map(|c| Some(Response::Choices(c))),
            proptest::option::of(any::<bool>()).prop_map(|b| Some(Response::TrueFalse(b))),
            proptest::collection::vec(text, 0..3).prop_map(|b| Some(Response::Blanks(b))),
            text.prop_map(|n| Some(Response::Number(n))),
            proptest::collection::vec(0usize..9, 0..4).prop_map(|o| Some(Response::Order(o))),
            proptest::collection::vec(proptest::option::of(0usize..9), 0..4)
                .prop_map(|m| Some(Response::Matches(m))),
        ]
    }

    fn any_row() -> impl Strategy<Value = Row> {
        (
            0u32..5,
            any::<i64>(),
            any::<u32>(),
            0usize..4,
            0.0f32..=1.0,
            0usize..4,
            0usize..4,
            any_response(),
        )
            .prop_map(|(q, at, millis, v, score, r, m, response)| {
                let verdict = [
                    Verdict::Right,
                    Verdict::RightWithNote,
                    Verdict::Partial,
                    Verdict::Wrong,
                ][v];
                let rating = [Rating::Again, Rating::Hard, Rating::Good, Rating::Easy][r];
                let mode = [Mode::Practice, Mode::Review, Mode::Exam, Mode::Session][m];
                Row(q, at, millis, verdict, score, rating, mode, response)
            })
    }

    proptest! {
        /// Whatever we write, it reads as the RON parser does (or leaves it).
        #[test]
        fn agrees_with_the_ron_parser_on_what_we_write(
            ids in proptest::collection::vec("[a-zà-ỹ0-9\" -]{0,10}", 0..5),
            fingerprint in any::<u64>(),
            answers in proptest::collection::vec(any_row(), 0..12),
        ) {
            let questions = ids
                .iter()
                .map(|id| QuestionRef { fingerprint, ..question(id) })
                .collect();
            let text = rows_text(&file(questions, answers)).unwrap();
            let ron = ron_reads(&text);
            prop_assert!(ron.is_some());
            if let Some(quick) = month_file(&text) {
                prop_assert_eq!(Some(quick), ron);
            } else {
                prop_assert!(text.contains('\\'), "only escapes are left to RON:\n{}", text);
            }
        }

        /// Whatever a file holds, this reader never panics, and never reads
        /// something the RON parser reads differently.
        #[test]
        fn never_disagrees_with_the_ron_parser(
            answers in proptest::collection::vec(any_row(), 0..4),
            cut in any::<proptest::sample::Index>(),
            insert in "[ ,()\\[\\]a-zA-Z0-9:\"_.-]{0,3}",
        ) {
            let text = rows_text(&file(vec![question("x")], answers)).unwrap();
            let at = cut.index(text.len() + 1);
            let at = (0..=at).rev().find(|&i| text.is_char_boundary(i)).unwrap_or(0);
            let edited = format!("{}{insert}{}", &text[..at], &text[at..]);
            if let Some(quick) = month_file(&edited) {
                prop_assert_eq!(Some(quick), ron_reads(&edited), "{}", edited);
            }
        }
    }
}
