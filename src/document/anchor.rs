//! Stable, human-readable addresses of passages: "p7" is the 7th paragraph,
//! "p7.s2" its 2nd sentence, "c1" the first photo caption, "h3" the third
//! heading. Question files quote them, so their spelling is part of the
//! file format.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// What kind of block an anchor points at; each kind is numbered on its own.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum AnchorKind {
    Paragraph,
    Caption,
    Heading,
}

impl AnchorKind {
    fn letter(self) -> char {
        match self {
            AnchorKind::Paragraph => 'p',
            AnchorKind::Caption => 'c',
            AnchorKind::Heading => 'h',
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Anchor {
    pub kind: AnchorKind,
    /// 1-based number of the block among blocks of its kind.
    pub number: u32,
    /// 1-based number of the sentence within the block, if the anchor is a sentence.
    pub sentence: Option<u32>,
}

impl Anchor {
    pub fn block(kind: AnchorKind, number: u32) -> Self {
        Self {
            kind,
            number,
            sentence: None,
        }
    }

    pub fn with_sentence(self, sentence: u32) -> Self {
        Self {
            sentence: Some(sentence),
            ..self
        }
    }

    /// The anchor of the whole block this anchor lies in.
    pub fn block_anchor(self) -> Self {
        Self {
            sentence: None,
            ..self
        }
    }
}

impl fmt::Display for Anchor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}{}", self.kind.letter(), self.number)?;
        if let Some(s) = self.sentence {
            write!(f, ".s{s}")?;
        }
        Ok(())
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadAnchor(pub String);

impl fmt::Display for BadAnchor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "\"{}\" is not an anchor; write it like \"p7\" (paragraph 7), \"p7.s2\" (its sentence 2), \"c1\" (caption 1) or \"h1\" (heading 1)",
            self.0
        )
    }
}

impl std::error::Error for BadAnchor {}

impl FromStr for Anchor {
    type Err = BadAnchor;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad = || BadAnchor(s.to_string());
        let trimmed = s.trim();
        let mut chars = trimmed.chars();
        let kind = match chars.next().map(|c| c.to_ascii_lowercase()) {
            Some('p') => AnchorKind::Paragraph,
            Some('c') => AnchorKind::Caption,
            Some('h') => AnchorKind::Heading,
            _ => return Err(bad()),
        };
        let rest = chars.as_str();
        let (block, sentence) = match rest.split_once('.') {
            Some((b, s)) => {
                let s = s
                    .strip_prefix('s')
                    .or_else(|| s.strip_prefix('S'))
                    .ok_or_else(bad)?;
                (b, Some(parse_positive(s).ok_or_else(bad)?))
            }
            None => (rest, None),
        };
        Ok(Anchor {
            kind,
            number: parse_positive(block).ok_or_else(bad)?,
            sentence,
        })
    }
}

fn parse_positive(s: &str) -> Option<u32> {
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok().filter(|&n| n > 0)
}

impl TryFrom<String> for Anchor {
    type Error = BadAnchor;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        s.parse()
    }
}

impl From<Anchor> for String {
    fn from(a: Anchor) -> String {
        a.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn anchors_round_trip_through_text() {
        for s in ["p1", "p12.s3", "c2", "h1", "p7.s1"] {
            let a: Anchor = s.parse().unwrap();
            assert_eq!(a.to_string(), s);
        }
    }

    #[test]
    fn malformed_anchors_are_rejected() {
        for s in [
            "", "x1", "p", "p0", "p1.", "p1.2", "p1.s0", "p-1", "p1.s2.s3",
        ] {
            assert!(s.parse::<Anchor>().is_err(), "{s} should be rejected");
        }
    }

    #[test]
    fn anchors_serialize_as_strings_in_ron() {
        let a = Anchor::block(AnchorKind::Paragraph, 4).with_sentence(2);
        let text = ron::to_string(&a).unwrap();
        assert_eq!(text, "\"p4.s2\"");
        assert_eq!(ron::from_str::<Anchor>(&text).unwrap(), a);
        assert!(ron::from_str::<Anchor>("\"q4\"").is_err());
    }
}
