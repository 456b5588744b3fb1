//! Unit tests of the text and Markdown parser.

use super::*;

fn doc(text: &str, format: Format) -> Document {
    parse(text, format, "fallback", Origin::Bundled).unwrap()
}

fn kinds(d: &Document) -> Vec<(BlockKind, String)> {
    d.blocks
        .iter()
        .map(|b| (b.kind, b.anchor.to_string()))
        .collect()
}

#[test]
fn markdown_front_matter_headings_lists_and_captions() {
    let d = doc(
        "---\ntitle: Nghị quyết số 1\ndate: 1/1/2021\nauthor: Ban Tuyên giáo\n---\n\
         \n## Mục tiêu\n\nĐoạn **một** dòng\nnối tiếp.\n\n- Ý thứ nhất\n- Ý thứ\n  hai\n1. Số một\n\n![Ảnh hội nghị.]()\n",
        Format::Markdown,
    );
    assert_eq!(d.meta.title, "Nghị quyết số 1");
    assert_eq!(d.meta.date.as_deref(), Some("1/1/2021"));
    assert_eq!(d.meta.byline.as_deref(), Some("Ban Tuyên giáo"));
    let texts: Vec<_> = d.blocks.iter().map(|b| b.text.as_str()).collect();
    assert_eq!(
        texts,
        [
            "Mục tiêu",
            "Đoạn một dòng nối tiếp.",
            "Ý thứ nhất",
            "Ý thứ hai",
            "1. Số một",
            "Ảnh hội nghị."
        ]
    );
    assert_eq!(
        kinds(&d),
        [
            (BlockKind::Heading(2), "h1".into()),
            (BlockKind::Paragraph, "p1".into()),
            (BlockKind::ListItem, "p2".into()),
            (BlockKind::ListItem, "p3".into()),
            (BlockKind::ListItem, "p4".into()),
            (BlockKind::Caption, "c1".into()),
        ]
    );
}

#[test]
fn markdown_first_level_one_heading_is_the_title() {
    let d = doc("# Tiêu đề\n\nNội dung.", Format::Markdown);
    assert_eq!(d.meta.title, "Tiêu đề");
    assert_eq!(d.blocks.len(), 1);
    let d = doc("Nội dung thôi.", Format::Markdown);
    assert_eq!(d.meta.title, "fallback");
}

#[test]
fn plain_text_with_scraper_debris_reads_like_the_cleaned_article() {
    let d = doc(
        "leftcenterrightdel\nCác đại biểu tham dự Hội nghị. \n\nSáng 25/12, hội nghị diễn ra.\n\n\
         leftcenterrightdel\n\nBí thư phát biểu.\n\nĐoạn cuối.",
        Format::PlainText,
    );
    assert_eq!(
        kinds(&d),
        [
            (BlockKind::Caption, "c1".into()),
            (BlockKind::Paragraph, "p1".into()),
            (BlockKind::Caption, "c2".into()),
            (BlockKind::Paragraph, "p2".into()),
        ]
    );
    assert_eq!(d.meta.title, "fallback");
}

#[test]
fn plain_text_joins_wrapped_lines_and_keeps_one_paragraph_per_line() {
    let d = doc(
        "NGHỊ QUYẾT\nvề học tập\n\nI. MỤC TIÊU\nĐoạn thứ nhất được\nngắt dòng giữa chừng.\nĐoạn thứ hai.\nĐiều 1. Phạm vi\n- gạch đầu dòng",
        Format::PlainText,
    );
    let texts: Vec<_> = d.blocks.iter().map(|b| (b.kind, b.text.as_str())).collect();
    assert_eq!(d.meta.title, "NGHỊ QUYẾT về học tập");
    assert_eq!(
        texts,
        [
            (BlockKind::Heading(2), "I. MỤC TIÊU"),
            (
                BlockKind::Paragraph,
                "Đoạn thứ nhất được ngắt dòng giữa chừng."
            ),
            (BlockKind::Paragraph, "Đoạn thứ hai."),
            (BlockKind::Heading(3), "Điều 1. Phạm vi"),
            (BlockKind::ListItem, "gạch đầu dòng"),
        ]
    );
}

#[test]
fn text_copied_from_a_pdf_with_a_blank_line_after_each_line_reads_as_paragraphs() {
    let text = "Nghị quyết mẫu\n\nTrong năm tới, các chi bộ cần\n\nđẩy mạnh việc học tập và\n\nkiểm tra nhận thức.\n\nMột đoạn mới bắt đầu ở đây.\n\nII. NHIỆM VỤ\n\nnội dung sau đề mục vẫn riêng.\n";
    // Markdown's blank lines are its paragraphs, as the app writes them.
    let markdown = doc(&format!("# T\n\n{text}"), Format::Markdown);
    assert_eq!(markdown.blocks[0].text, "Nghị quyết mẫu");
    assert_eq!(markdown.blocks[1].text, "Trong năm tới, các chi bộ cần");
    {
        let d = doc(text, Format::PlainText);
        let texts: Vec<(BlockKind, String)> =
            d.blocks.iter().map(|b| (b.kind, b.text.clone())).collect();
        assert_eq!(
            texts,
            [
                (
                    BlockKind::Paragraph,
                    "Trong năm tới, các chi bộ cần đẩy mạnh việc học tập và kiểm tra nhận thức."
                        .into()
                ),
                (BlockKind::Paragraph, "Một đoạn mới bắt đầu ở đây.".into()),
                (BlockKind::Heading(2), "II. NHIỆM VỤ".into()),
                (
                    BlockKind::Paragraph,
                    "nội dung sau đề mục vẫn riêng.".into()
                ),
            ],
        );
    }
}

#[test]
fn a_list_item_and_a_figure_cut_by_blank_lines_are_joined_again() {
    let d = doc(
        "Kế hoạch mẫu\n\n- Chỉ đạo Hội Cựu chiến\n\nbinh tỉnh tham gia phong trào.\n\nTỷ lệ rác chôn lấp dưới\n\n50% tổng lượng rác.\n\nCác giải pháp chủ yếu\n\n1. Tuyên truyền.\n",
        Format::PlainText,
    );
    let texts: Vec<(BlockKind, &str)> =
        d.blocks.iter().map(|b| (b.kind, b.text.as_str())).collect();
    assert_eq!(
        texts,
        [
            (
                BlockKind::ListItem,
                "Chỉ đạo Hội Cựu chiến binh tỉnh tham gia phong trào."
            ),
            (
                BlockKind::Paragraph,
                "Tỷ lệ rác chôn lấp dưới 50% tổng lượng rác."
            ),
            (BlockKind::Paragraph, "Các giải pháp chủ yếu"),
            (BlockKind::ListItem, "1. Tuyên truyền."),
        ]
    );
}

#[test]
fn a_title_naming_only_the_kind_of_document_takes_its_subject() {
    let d = doc(
        "NGHỊ QUYẾT\n\nVề việc học tập trong toàn Đảng bộ\n\nBAN CHẤP HÀNH\n\nCăn cứ quy định hiện hành;\n",
        Format::PlainText,
    );
    assert_eq!(
        d.meta.title,
        "NGHỊ QUYẾT Về việc học tập trong toàn Đảng bộ"
    );
    assert_eq!(d.blocks[0].text, "BAN CHẤP HÀNH");
    let d = doc(
        "NGHỊ QUYẾT\n\nVỀ PHÁT ĐỘNG PHONG TRÀO MẪU;\n\nGIẢM THIỂU RÁC VÌ MỘT XÃ SÁNG -\n\nXANH - SẠCH\n\nỦY BAN MẪU\n\nCăn cứ quy định hiện hành;\n",
        Format::PlainText,
    );
    assert_eq!(
        d.meta.title,
        "NGHỊ QUYẾT VỀ PHÁT ĐỘNG PHONG TRÀO MẪU; GIẢM THIỂU RÁC VÌ MỘT XÃ SÁNG - XANH - SẠCH"
    );
    assert_eq!(d.blocks[0].text, "ỦY BAN MẪU");
    // A title of its own is left as it is.
    let d = doc(
        "Học tập nghị quyết ở chi bộ\n\nMột đoạn không có dấu chấm cuối\n\nĐoạn hai.\n",
        Format::PlainText,
    );
    assert_eq!(d.meta.title, "Học tập nghị quyết ở chi bộ");
    // A first paragraph that is a sentence is not a subject.
    let d = doc(
        "KẾT LUẬN\n\nBộ Chính trị đã họp.\n\nĐoạn hai.\n",
        Format::PlainText,
    );
    assert_eq!(d.meta.title, "KẾT LUẬN");
}

#[test]
fn blank_text_is_an_error_not_an_empty_document() {
    for text in ["", "  \n\n \t", "---\ntitle: x\n---\n"] {
        assert!(matches!(
            parse(text, Format::Markdown, "f", Origin::Bundled),
            Err(LoadError::Empty)
        ));
    }
}

#[test]
fn windows_line_endings_read_the_same() {
    let unix = doc("Dòng một.\n\nDòng hai.", Format::PlainText);
    let windows = doc("Dòng một.\r\n\r\nDòng hai.", Format::PlainText);
    assert_eq!(unix.blocks, windows.blocks);
}
