//! Makes small PDFs for tests and benchmarks: each page a list of lines
//! `(x, y from the top, font size, text)`, in any Unicode text (one Type 0
//! font whose glyph ids are the code points, with a ToUnicode map).

use std::fmt::Write as _;

pub type PageLines<'a> = Vec<(f32, f32, f32, &'a str)>;

pub fn make_pdf(pages: &[PageLines]) -> Vec<u8> {
    let (width, height) = (595.0f32, 842.0f32);
    let mut objects: Vec<Vec<u8>> = Vec::new();
    // 1 catalog, 2 pages, 3 font, 4 cid font, 5 descriptor, 6 tounicode,
    // then per page: page, content.
    let n = pages.len();
    let kids: String = (0..n).map(|i| format!("{} 0 R ", 7 + 2 * i)).collect();
    objects.push(b"<< /Type /Catalog /Pages 2 0 R >>".to_vec());
    objects.push(format!("<< /Type /Pages /Kids [{kids}] /Count {n} >>").into_bytes());
    objects.push(
        b"<< /Type /Font /Subtype /Type0 /BaseFont /Sample /Encoding /Identity-H /DescendantFonts [4 0 R] /ToUnicode 6 0 R >>".to_vec(),
    );
    objects.push(
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Sample /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor 5 0 R /DW 500 >>".to_vec(),
    );
    objects.push(
        b"<< /Type /FontDescriptor /FontName /Sample /Flags 32 /FontBBox [0 -200 1000 900] /ItalicAngle 0 /Ascent 900 /Descent -200 /CapHeight 700 /StemV 80 >>".to_vec(),
    );
    // A ToUnicode map for the code units used, as a real subset font has
    // (a map of all 65 536 would be read again on every page).
    let mut used: Vec<u16> = pages
        .iter()
        .flatten()
        .flat_map(|(_, _, _, text)| text.encode_utf16())
        .collect();
    used.sort_unstable();
    used.dedup();
    let mut cmap = String::from(
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap \
         /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def \
         /CMapName /Adobe-Identity-UCS def /CMapType 2 def \
         1 begincodespacerange <0000> <FFFF> endcodespacerange\n",
    );
    for chunk in used.chunks(100) {
        let _ = writeln!(cmap, "{} beginbfchar", chunk.len());
        for u in chunk {
            let _ = writeln!(cmap, "<{u:04X}> <{u:04X}>");
        }
        cmap.push_str("endbfchar\n");
    }
    cmap.push_str("endcmap CMapName currentdict /CMap defineresource pop end end");
    objects.push(stream(cmap.as_bytes()));
    for (i, lines) in pages.iter().enumerate() {
        let mut content = String::new();
        for (x, y, size, text) in lines {
            let _ = write!(content, "BT /F1 {size} Tf 1 0 0 1 {x} {} Tm <", height - y);
            for unit in text.encode_utf16() {
                let _ = write!(content, "{unit:04X}");
            }
            content.push_str("> Tj ET\n");
        }
        objects.push(
            format!(
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {width} {height}] /Resources << /Font << /F1 3 0 R >> >> /Contents {} 0 R >>",
                8 + 2 * i
            )
            .into_bytes(),
        );
        objects.push(stream(content.as_bytes()));
    }
    let mut out = b"%PDF-1.5\n".to_vec();
    let mut offsets = Vec::new();
    for (i, body) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend(format!("{} 0 obj\n", i + 1).as_bytes());
        out.extend(body);
        out.extend(b"\nendobj\n");
    }
    let xref = out.len();
    out.extend(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes());
    for o in offsets {
        out.extend(format!("{o:010} 00000 n \n").as_bytes());
    }
    out.extend(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    out
}

fn stream(data: &[u8]) -> Vec<u8> {
    let mut s = format!("<< /Length {} >>\nstream\n", data.len()).into_bytes();
    s.extend(data);
    s.extend(b"\nendstream");
    s
}

/// Lines of at most `width` characters, broken between words: a paragraph
/// as a word processor would set it.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = vec![String::new()];
    for word in text.split_whitespace() {
        let fits = lines
            .last()
            .is_some_and(|l| l.is_empty() || l.chars().count() + 1 + word.chars().count() <= width);
        if !fits {
            lines.push(String::new());
        }
        if let Some(line) = lines.last_mut() {
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
        }
    }
    lines
}
