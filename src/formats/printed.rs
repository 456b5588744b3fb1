//! A document to print, written as a Word `.docx` (for trainers to adjust
//! in Word) or as print-ready HTML: paragraphs (bold, size, centred),
//! tables with borders, and page breaks — what a printed test needs, and
//! nothing a trainer would have to undo. Times New Roman 13 pt, A4, 2 cm
//! margins: the look of an office document.

use std::io::Write;

/// One piece of the body.
enum Block {
    Paragraph {
        runs: Vec<(String, bool)>,
        size_half_points: u32,
        layout: Layout,
    },
    Table {
        rows: Vec<Vec<String>>,
        bold_first_row: bool,
    },
    PageBreak,
}

/// A document being put together.
#[derive(Default)]
pub struct Printed {
    blocks: Vec<Block>,
}

/// A text run and whether it is bold.
pub type Run = (String, bool);

impl Printed {
    fn push(&mut self, runs: Vec<Run>, size_half_points: u32, layout: Layout) -> &mut Self {
        self.blocks.push(Block::Paragraph {
            runs,
            size_half_points,
            layout,
        });
        self
    }

    pub fn paragraph(&mut self, runs: Vec<Run>) -> &mut Self {
        self.push(runs, 26, Layout::default())
    }

    /// A paragraph that starts something (a question): space above it.
    pub fn opening(&mut self, runs: Vec<Run>) -> &mut Self {
        let layout = Layout {
            space_before: true,
            ..Layout::default()
        };
        self.push(runs, 26, layout)
    }

    /// A line set in from the left (an option).
    pub fn indented(&mut self, text: &str) -> &mut Self {
        let layout = Layout {
            indent: true,
            ..Layout::default()
        };
        self.push(vec![(text.to_string(), false)], 26, layout)
    }

    pub fn text(&mut self, text: &str) -> &mut Self {
        self.paragraph(vec![(text.to_string(), false)])
    }

    pub fn bold(&mut self, text: &str) -> &mut Self {
        self.paragraph(vec![(text.to_string(), true)])
    }

    /// A centred heading, bold, in `points`.
    pub fn heading(&mut self, text: &str, points: u32) -> &mut Self {
        let layout = Layout {
            centred: true,
            ..Layout::default()
        };
        self.push(vec![(text.to_string(), true)], points * 2, layout)
    }

    pub fn table(&mut self, rows: Vec<Vec<String>>, bold_first_row: bool) -> &mut Self {
        self.blocks.push(Block::Table {
            rows,
            bold_first_row,
        });
        self
    }

    pub fn page_break(&mut self) -> &mut Self {
        self.blocks.push(Block::PageBreak);
        self
    }

    fn body(&self) -> String {
        let mut xml = String::new();
        for block in &self.blocks {
            match block {
                Block::Paragraph {
                    runs,
                    size_half_points,
                    layout,
                } => xml.push_str(&paragraph_xml(runs, *size_half_points, *layout)),
                Block::Table {
                    rows,
                    bold_first_row,
                } => {
                    xml.push_str(
                        "<w:tbl><w:tblPr><w:tblW w:w=\"0\" w:type=\"auto\"/><w:tblBorders>",
                    );
                    for side in ["top", "left", "bottom", "right", "insideH", "insideV"] {
                        xml.push_str(&format!(
                            "<w:{side} w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
                        ));
                    }
                    xml.push_str("</w:tblBorders></w:tblPr>");
                    for (r, row) in rows.iter().enumerate() {
                        xml.push_str("<w:tr>");
                        for cell in row {
                            let bold = *bold_first_row && r == 0;
                            xml.push_str(
                                "<w:tc><w:tcPr><w:tcW w:w=\"0\" w:type=\"auto\"/></w:tcPr>",
                            );
                            xml.push_str(&paragraph_xml(
                                &[(cell.clone(), bold)],
                                24,
                                Layout {
                                    centred: true,
                                    ..Layout::default()
                                },
                            ));
                            xml.push_str("</w:tc>");
                        }
                        xml.push_str("</w:tr>");
                    }
                    xml.push_str("</w:tbl>");
                    // Word needs a paragraph between two tables.
                    xml.push_str("<w:p/>");
                }
                Block::PageBreak => xml.push_str("<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>"),
            }
        }
        xml
    }

    /// As a web page to print (each page break a new sheet).
    pub fn to_html(&self, title: &str) -> String {
        let mut html = format!(
            "<!DOCTYPE html>\n<html lang=\"vi\"><head><meta charset=\"utf-8\"><title>{}</title>\n<style>\n\
             @page {{ size: A4; margin: 2cm; }}\n\
             body {{ font-family: 'Times New Roman', serif; font-size: 13pt; line-height: 1.35; max-width: 17cm; margin: auto; }}\n\
             p {{ margin: 0 0 0.2em; }} .c {{ text-align: center; }}\n\
             .o {{ margin-left: 1.5em; }} .q {{ margin-top: 0.6em; }}\n\
             table {{ border-collapse: collapse; margin: 0.4em 0 0.8em; }}\n\
             td {{ border: 1px solid #000; padding: 0.15em 0.6em; text-align: center; }}\n\
             .page {{ break-before: page; page-break-before: always; }}\n\
             </style></head><body>\n",
            escape(title)
        );
        let mut next_page = false;
        for block in &self.blocks {
            match block {
                Block::Paragraph {
                    runs,
                    size_half_points,
                    layout,
                } => {
                    let mut classes = Vec::new();
                    if layout.centred {
                        classes.push("c");
                    }
                    if layout.indent {
                        classes.push("o");
                    }
                    if layout.space_before {
                        classes.push("q");
                    }
                    if std::mem::take(&mut next_page) {
                        classes.push("page");
                    }
                    let style = if *size_half_points == 26 {
                        String::new()
                    } else {
                        format!(" style=\"font-size: {}pt\"", size_half_points / 2)
                    };
                    html.push_str(&format!("<p class=\"{}\"{style}>", classes.join(" ")));
                    for (text, bold) in runs {
                        let text = escape(&crate::text::printable(text));
                        if *bold {
                            html.push_str(&format!("<b>{text}</b>"));
                        } else {
                            html.push_str(&text);
                        }
                    }
                    html.push_str("</p>\n");
                }
                Block::Table {
                    rows,
                    bold_first_row,
                } => {
                    let class = if std::mem::take(&mut next_page) {
                        " class=\"page\""
                    } else {
                        ""
                    };
                    html.push_str(&format!("<table{class}>\n"));
                    for (r, row) in rows.iter().enumerate() {
                        html.push_str("<tr>");
                        for cell in row {
                            let text = escape(&crate::text::printable(cell));
                            if *bold_first_row && r == 0 {
                                html.push_str(&format!("<td><b>{text}</b></td>"));
                            } else {
                                html.push_str(&format!("<td>{text}</td>"));
                            }
                        }
                        html.push_str("</tr>\n");
                    }
                    html.push_str("</table>\n");
                }
                Block::PageBreak => next_page = true,
            }
        }
        html.push_str("</body></html>\n");
        html
    }

    /// The `.docx` file's bytes.
    pub fn to_docx(&self) -> std::io::Result<Vec<u8>> {
        let document = format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
             <w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">\
             <w:body>{}<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/>\
             <w:pgMar w:top=\"1134\" w:right=\"1134\" w:bottom=\"1134\" w:left=\"1134\" w:header=\"567\" w:footer=\"567\" w:gutter=\"0\"/>\
             </w:sectPr></w:body></w:document>",
            self.body()
        );
        let parts = [
            ("[Content_Types].xml", CONTENT_TYPES.to_string()),
            ("_rels/.rels", ROOT_RELS.to_string()),
            ("word/_rels/document.xml.rels", DOCUMENT_RELS.to_string()),
            ("word/styles.xml", STYLES.to_string()),
            ("word/document.xml", document),
        ];
        let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        for (name, text) in parts {
            zip.start_file(name, options)
                .map_err(std::io::Error::other)?;
            zip.write_all(text.as_bytes())?;
        }
        Ok(zip.finish().map_err(std::io::Error::other)?.into_inner())
    }
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Where a paragraph sits.
#[derive(Clone, Copy, Default)]
struct Layout {
    centred: bool,
    /// Set in from the left (a question's options).
    indent: bool,
    /// A little space above (a new question).
    space_before: bool,
}

fn paragraph_xml(runs: &[Run], size_half_points: u32, layout: Layout) -> String {
    let before = if layout.space_before { 160 } else { 0 };
    let mut xml = format!("<w:p><w:pPr><w:spacing w:before=\"{before}\" w:after=\"60\"/>");
    if layout.indent {
        xml.push_str("<w:ind w:left=\"567\"/>");
    }
    if layout.centred {
        xml.push_str("<w:jc w:val=\"center\"/>");
    }
    xml.push_str("</w:pPr>");
    for (text, bold) in runs {
        xml.push_str("<w:r><w:rPr>");
        if *bold {
            xml.push_str("<w:b/>");
        }
        xml.push_str(&format!(
            "<w:sz w:val=\"{size_half_points}\"/></w:rPr><w:t xml:space=\"preserve\">{}</w:t></w:r>",
            escape(&crate::text::printable(text))
        ));
    }
    xml.push_str("</w:p>");
    xml
}

const CONTENT_TYPES: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">\
<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>\
<Default Extension=\"xml\" ContentType=\"application/xml\"/>\
<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>\
<Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>\
</Types>";

const ROOT_RELS: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>\
</Relationships>";

const DOCUMENT_RELS: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>\
</Relationships>";

const STYLES: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
<w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">\
<w:docDefaults><w:rPrDefault><w:rPr>\
<w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\" w:cs=\"Times New Roman\" w:eastAsia=\"Times New Roman\"/>\
<w:sz w:val=\"26\"/><w:lang w:val=\"vi-VN\"/></w:rPr></w:rPrDefault></w:docDefaults>\
<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/></w:style>\
</w:styles>";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_is_written_is_read_back_by_our_own_reader() {
        let mut doc = Printed::default();
        doc.heading("ĐỀ KIỂM TRA <1>", 14)
            .text("Câu 1. Thủ đô & trung tâm?")
            .table(
                vec![
                    vec!["Câu".into(), "Đáp án".into()],
                    vec!["1".into(), "B".into()],
                ],
                true,
            )
            .page_break()
            .bold("Hết");
        let bytes = doc.to_docx().unwrap();
        let html = doc.to_html("Đề <1>");
        assert!(html.contains("<title>Đề &lt;1&gt;</title>"));
        assert!(html.contains("<p class=\"page\"><b>Hết</b></p>"), "{html}");
        assert!(html.contains("<td><b>Câu</b></td>"));
        let paragraphs = crate::document::readers::docx_paragraphs(&bytes).unwrap();
        let texts: Vec<String> = paragraphs.iter().map(|p| p.text()).collect();
        assert_eq!(
            texts,
            [
                "ĐỀ KIỂM TRA <1>",
                "Câu 1. Thủ đô & trung tâm?",
                "Câu",
                "Đáp án",
                "1",
                "B",
                "Hết"
            ]
        );
        assert!(paragraphs[0].runs[0].1.bold);
        assert_eq!(paragraphs[5].cell, Some((1, 1, 1)));
    }
}
