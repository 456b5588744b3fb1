//! The document model: a resolution (or any text) as titled metadata and a
//! list of blocks — headings, paragraphs, list items, photo captions — each
//! split into sentences, and each block and sentence with a stable [`Anchor`].

mod anchor;
pub mod doc;
pub mod encoding;
pub mod foreign;
mod load;
mod parse;
pub mod pdf;
pub mod readers;
mod sentences;

use std::ops::Range;
use std::path::PathBuf;

pub use anchor::{Anchor, AnchorKind, BadAnchor};
pub use foreign::ReadError;
pub use load::{LoadError, MAX_DOCUMENT_BYTES, Opened, load_document, open_document};
pub use parse::Format;
pub use sentences::split_sentences;

/// The resolution shipped with the app, as cleaned from the news article.
pub const BUNDLED_SOURCE: &str = include_str!("../../assets/hanoi-nghi-quyet-xvii.md");
/// The name the bundled document goes by in lists and messages.
pub const BUNDLED_NAME: &str = "hanoi-nghi-quyet-xvii.md";

/// Title, date and byline, as the document states them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Meta {
    pub title: String,
    pub date: Option<String>,
    pub byline: Option<String>,
    /// A short, stable name for the document that question sets refer to.
    pub id: Option<String>,
}

/// Where a document came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Origin {
    Bundled,
    File(PathBuf),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BlockKind {
    /// A section heading; level 1 is the largest.
    Heading(u8),
    Paragraph,
    /// An item of a bulleted or numbered list (its marker is kept in the text).
    ListItem,
    /// The caption of a photo (the photo itself is not part of the text).
    Caption,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sentence {
    /// Byte range within the block's text.
    pub range: Range<usize>,
    pub anchor: Anchor,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Block {
    pub kind: BlockKind,
    /// NFC text, with white space collapsed.
    pub text: String,
    pub anchor: Anchor,
    pub sentences: Vec<Sentence>,
}

impl Block {
    pub fn sentence_text(&self, sentence: &Sentence) -> &str {
        &self.text[sentence.range.clone()]
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Document {
    pub meta: Meta,
    pub blocks: Vec<Block>,
    pub origin: Origin,
    /// What was converted to read the file (`None` for UTF-8 as it was):
    /// worth telling the user, who may want to check the text or save it
    /// again as UTF-8. See `i18n::describe_conversion`.
    pub conversion: Option<encoding::Conversion>,
}

/// A place in a document: a block and, optionally, a byte range inside it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Location {
    pub block: usize,
    pub range: Option<Range<usize>>,
}

impl Document {
    /// The resolution shipped with the app.
    pub fn bundled() -> Document {
        parse::parse(
            BUNDLED_SOURCE,
            Format::Markdown,
            BUNDLED_NAME,
            Origin::Bundled,
        )
        .expect("the bundled document is valid")
    }

    /// Builds a document from text already in memory. The text is normalised
    /// to NFC here, so callers may pass anything.
    pub fn from_text(
        text: &str,
        format: Format,
        fallback_title: &str,
        origin: Origin,
    ) -> Result<Document, LoadError> {
        let text = crate::text::nfc(text);
        parse::parse(&text, format, fallback_title, origin)
    }

    /// The document as the app's Markdown: opening the result gives the same
    /// blocks and anchors (what `nghiquyet convert` writes).
    pub fn to_markdown(&self) -> String {
        readers::to_markdown(self)
    }

    /// Finds the block (and sentence range) an anchor points at.
    pub fn locate(&self, anchor: Anchor) -> Option<Location> {
        let block = self
            .blocks
            .iter()
            .position(|b| b.anchor == anchor.block_anchor())?;
        match anchor.sentence {
            None => Some(Location { block, range: None }),
            Some(_) => {
                let s = self.blocks[block]
                    .sentences
                    .iter()
                    .find(|s| s.anchor == anchor)?;
                Some(Location {
                    block,
                    range: Some(s.range.clone()),
                })
            }
        }
    }

    /// The text of every block, one per line.
    pub fn full_text(&self) -> String {
        self.blocks
            .iter()
            .map(|b| b.text.as_str())
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// The name question sets use for this document: the front-matter `id`,
    /// else the file's name without extension, else the title.
    pub fn id(&self) -> &str {
        if let Some(id) = &self.meta.id {
            return id;
        }
        match &self.origin {
            Origin::File(path) => path
                .file_stem()
                .and_then(|s| s.to_str())
                .unwrap_or(&self.meta.title),
            Origin::Bundled => &self.meta.title,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_document_has_title_date_byline_and_two_captions() {
        let doc = Document::bundled();
        assert!(
            doc.meta
                .title
                .starts_with("Hà Nội học tập, quán triệt Nghị quyết")
        );
        assert_eq!(doc.meta.date.as_deref(), Some("25/12/2020"));
        assert_eq!(doc.meta.byline.as_deref(), Some("Thu Hà"));
        let captions: Vec<_> = doc
            .blocks
            .iter()
            .filter(|b| b.kind == BlockKind::Caption)
            .map(|b| b.text.as_str())
            .collect();
        assert_eq!(
            captions,
            [
                "Các đại biểu tham dự Hội nghị.",
                "Bí thư Thành ủy Hà Nội Vương Đình Huệ quán triệt Nghị quyết tại hội nghị."
            ]
        );
        let paragraphs = doc
            .blocks
            .iter()
            .filter(|b| b.kind == BlockKind::Paragraph)
            .count();
        assert_eq!(paragraphs, 9);
        assert!(
            !doc.blocks
                .iter()
                .any(|b| b.text.contains("leftcenterrightdel"))
        );
        assert!(
            !doc.blocks.iter().any(|b| b.text == "Thu Hà"),
            "byline is metadata, not body text"
        );
    }

    #[test]
    fn bundled_document_keeps_the_words_of_the_article() {
        let doc = Document::bundled();
        let p1 = &doc.blocks[doc.locate("p1".parse().unwrap()).unwrap().block];
        assert!(
            p1.text
                .starts_with("Sáng 25/12, Ban Thường vụ Thành ủy Hà Nội tổ chức")
        );
        let last = doc.blocks.last().unwrap();
        assert!(
            last.text
                .ends_with("ngay trong năm đầu tiên thực hiện nghị quyết./.")
        );
        let all = doc.full_text();
        for phrase in [
            "“Đoàn kết - Dân chủ - Kỷ cương - Sáng tạo - Phát triển”",
            "“Kỷ cương, trách nhiệm, hành động, sáng tạo, phát triển”",
            "20 chỉ tiêu chủ yếu đến năm 2025; 5 định hướng lớn và nhiệm vụ trọng tâm; 3 khâu đột phá; 14 nhóm nhiệm vụ, giải pháp chủ yếu",
            "gần 12.000 cán bộ các cấp",
            "công trình số 8B Lê Trực",
        ] {
            assert!(all.contains(phrase), "missing: {phrase}");
        }
    }

    #[test]
    fn every_block_and_sentence_has_a_distinct_anchor_that_locates_it() {
        let doc = Document::bundled();
        let mut seen = std::collections::HashSet::new();
        for (i, block) in doc.blocks.iter().enumerate() {
            assert!(seen.insert(block.anchor));
            assert_eq!(doc.locate(block.anchor).unwrap().block, i);
            assert!(!block.sentences.is_empty());
            for s in &block.sentences {
                assert!(seen.insert(s.anchor));
                let loc = doc.locate(s.anchor).unwrap();
                assert_eq!((loc.block, loc.range), (i, Some(s.range.clone())));
            }
        }
        assert!(doc.locate("p99".parse().unwrap()).is_none());
        assert!(doc.locate("p1.s99".parse().unwrap()).is_none());
    }

    #[test]
    fn the_viewpoint_paragraph_splits_into_its_sentences() {
        let doc = Document::bundled();
        let loc = doc.locate("p6".parse().unwrap()).unwrap();
        let block = &doc.blocks[loc.block];
        let texts: Vec<_> = block
            .sentences
            .iter()
            .map(|s| block.sentence_text(s))
            .collect();
        assert_eq!(texts.len(), 2, "{texts:#?}");
        assert!(texts[1].starts_with("Đây chính là tinh thần"));
    }
}
