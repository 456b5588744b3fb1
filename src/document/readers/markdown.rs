//! Writing the app's Markdown subset, so that `parse.rs` reads back exactly
//! the blocks written: the same kinds, texts and so the same anchors.

use crate::document::{BlockKind, Document, Meta};

/// A document as the app's Markdown: what `nghiquyet convert` writes.
pub fn to_markdown(doc: &Document) -> String {
    let mut meta = doc.meta.clone();
    if meta.id.is_none() {
        // The written file will have another name; keep the id question
        // sets use for this document.
        meta.id = Some(doc.id().to_string());
    }
    write(&meta, doc.blocks.iter().map(|b| (b.kind, b.text.as_str())))
}

/// Front matter, then one block per line with a blank line between.
pub(crate) fn write<'a>(meta: &Meta, blocks: impl Iterator<Item = (BlockKind, &'a str)>) -> String {
    let mut out = String::new();
    let mut front = Vec::new();
    let field = |v: &str| one_line(v);
    if !meta.title.trim().is_empty() {
        front.push(format!("title: {}", field(&meta.title)));
    }
    if let Some(date) = meta.date.as_deref().filter(|d| !d.trim().is_empty()) {
        front.push(format!("date: {}", field(date)));
    }
    if let Some(byline) = meta.byline.as_deref().filter(|b| !b.trim().is_empty()) {
        front.push(format!("author: {}", field(byline)));
    }
    if let Some(id) = meta.id.as_deref().filter(|i| !i.trim().is_empty()) {
        front.push(format!("id: {}", field(id)));
    }
    if !front.is_empty() {
        out.push_str("---\n");
        for line in front {
            out.push_str(&line);
            out.push('\n');
        }
        out.push_str("---\n\n");
    }
    for (kind, text) in blocks {
        let text = one_line(text);
        if text.is_empty() {
            continue;
        }
        match kind {
            BlockKind::Heading(level) => {
                let level = level.clamp(1, 6) as usize;
                out.push_str(&"#".repeat(level));
                out.push(' ');
                out.push_str(&text);
            }
            BlockKind::ListItem => {
                if !starts_with_number_marker(&text) {
                    out.push_str("- ");
                }
                out.push_str(&text);
            }
            BlockKind::Caption => {
                out.push_str("![");
                out.push_str(&text);
                out.push_str("]()");
            }
            BlockKind::Paragraph => out.push_str(&guard_paragraph(&text)),
        }
        out.push_str("\n\n");
    }
    out
}

/// White space collapsed to single spaces, so a block is one line.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn starts_with_number_marker(text: &str) -> bool {
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    digits > 0
        && digits <= 3
        && (text[digits..].starts_with(". ") || text[digits..].starts_with(") "))
}

/// A paragraph that starts like a heading ("# …") would be read as one: the
/// space after the hashes becomes a no-break space, which the parser reads
/// back as a plain space in a paragraph.
fn guard_paragraph(text: &str) -> String {
    let hashes = text.bytes().take_while(|&b| b == b'#').count();
    if (1..=6).contains(&hashes) && text[hashes..].starts_with(' ') {
        format!("{}\u{a0}{}", &text[..hashes], &text[hashes + 1..])
    } else {
        text.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Format, Origin};

    #[test]
    fn what_is_written_reads_back_as_the_same_blocks() {
        let meta = Meta {
            title: "Nghị quyết  thử".into(),
            date: Some("1/2/2024".into()),
            byline: Some("Ban Tuyên giáo".into()),
            id: None,
        };
        let blocks = [
            (BlockKind::Heading(2), "Chương I"),
            (BlockKind::Paragraph, "Đoạn thứ nhất.\nCòn tiếp."),
            (BlockKind::Paragraph, "# không phải tiêu đề"),
            (BlockKind::ListItem, "Ý gạch đầu dòng"),
            (BlockKind::ListItem, "2. Ý có số"),
            (BlockKind::Caption, "Ảnh hội nghị."),
            (BlockKind::Heading(4), "Mục nhỏ"),
            (BlockKind::Paragraph, "- gạch ở đầu đoạn"),
        ];
        let md = write(&meta, blocks.iter().copied());
        let doc = Document::from_text(&md, Format::Markdown, "x", Origin::Bundled).unwrap();
        assert_eq!(doc.meta.title, "Nghị quyết thử");
        assert_eq!(doc.meta.date.as_deref(), Some("1/2/2024"));
        assert_eq!(doc.meta.byline.as_deref(), Some("Ban Tuyên giáo"));
        let got: Vec<_> = doc
            .blocks
            .iter()
            .map(|b| (b.kind, b.text.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                (BlockKind::Heading(2), "Chương I"),
                (BlockKind::Paragraph, "Đoạn thứ nhất. Còn tiếp."),
                (BlockKind::Paragraph, "# không phải tiêu đề"),
                (BlockKind::ListItem, "Ý gạch đầu dòng"),
                (BlockKind::ListItem, "2. Ý có số"),
                (BlockKind::Caption, "Ảnh hội nghị."),
                (BlockKind::Heading(4), "Mục nhỏ"),
                // A dash at the start of a paragraph is a list item to the
                // parser: the same anchor (p…), the dash drawn by the reader.
                (BlockKind::ListItem, "gạch ở đầu đoạn"),
            ]
        );
        // And once more: the Markdown of that document is a fixed point.
        let again = to_markdown(&doc);
        let doc2 = Document::from_text(&again, Format::Markdown, "y", Origin::Bundled).unwrap();
        assert_eq!(doc2.blocks, doc.blocks);
        assert_eq!(doc2.meta.title, doc.meta.title);
        assert_eq!(doc2.id(), doc.id());
    }

    #[test]
    fn the_bundled_document_round_trips() {
        let doc = Document::bundled();
        let md = to_markdown(&doc);
        let back = Document::from_text(&md, Format::Markdown, "x", Origin::Bundled).unwrap();
        assert_eq!(back.blocks, doc.blocks);
        assert_eq!(back.meta.title, doc.meta.title);
        assert_eq!(back.meta.date, doc.meta.date);
        assert_eq!(back.meta.byline, doc.meta.byline);
    }
}
