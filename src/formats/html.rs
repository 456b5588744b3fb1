//! A printable question paper, and its answer key on a page of its own.

use super::ExportNote;
use crate::quiz::{Answer, BLANK, QuestionSet, correct_answer_text};

/// Every user text goes through this: `<`, `>`, `&` and quotes escaped.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// Words the page needs, in the interface language.
pub struct PaperWords<'a> {
    pub name_line: &'a str,
    pub answer_key: &'a str,
    pub yes: &'a str,
    pub no: &'a str,
}

pub fn write(set: &QuestionSet, words: &PaperWords<'_>) -> (String, Vec<ExportNote>) {
    let mut out = String::new();
    let title = escape(&set.title);
    out.push_str(&format!(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{title}</title>\n<style>\n\
body {{ font-family: 'Noto Sans', 'Times New Roman', serif; font-size: 14pt; line-height: 1.5; max-width: 48em; margin: 2em auto; }}\n\
h1 {{ font-size: 18pt; }} ol.q > li {{ margin-bottom: 1.2em; break-inside: avoid; }}\n\
.choices {{ list-style: upper-alpha; }} .blank {{ display: inline-block; min-width: 8em; border-bottom: 1px solid #000; }}\n\
.key {{ break-before: page; page-break-before: always; }} .source {{ color: #444; font-style: italic; }}\n\
</style>\n</head>\n<body>\n<h1>{title}</h1>\n<p>{}</p>\n<ol class=\"q\">\n",
        escape(&set.language),
        escape(words.name_line)
    ));
    for q in &set.questions {
        out.push_str("<li>");
        if !q.prompt.is_empty() {
            out.push_str(&format!("<p>{}</p>", escape(&q.prompt)));
        }
        match &q.answer {
            Answer::SingleChoice { choices, .. } | Answer::MultipleChoice { choices, .. } => {
                out.push_str("<ol class=\"choices\">");
                for c in choices {
                    out.push_str(&format!("<li>{}</li>", escape(c)));
                }
                out.push_str("</ol>");
            }
            Answer::TrueFalse(_) => out.push_str(&format!(
                "<p>☐ {} &nbsp; ☐ {}</p>",
                escape(words.yes),
                escape(words.no)
            )),
            Answer::FillBlank { text, .. } => {
                let parts: Vec<String> = text.split(BLANK).map(escape).collect();
                out.push_str(&format!(
                    "<p>{}</p>",
                    parts.join("<span class=\"blank\"></span>")
                ));
            }
            Answer::Numeric { unit, .. } => out.push_str(&format!(
                "<p><span class=\"blank\"></span> {}</p>",
                escape(unit.as_deref().unwrap_or(""))
            )),
            Answer::Ordering(items) => {
                // Printed in a fixed mixed order (reversed), never the right one.
                out.push_str("<ul>");
                for item in items.iter().rev() {
                    out.push_str(&format!("<li>☐ {}</li>", escape(item)));
                }
                out.push_str("</ul>");
            }
            Answer::Matching(pairs) => {
                out.push_str("<table>");
                let n = pairs.len();
                for (i, (l, _)) in pairs.iter().enumerate() {
                    let r = &pairs[(i + 1) % n].1;
                    out.push_str(&format!(
                        "<tr><td>{}. {}</td><td>&nbsp;&nbsp;</td><td>{}. {}</td></tr>",
                        i + 1,
                        escape(l),
                        (b'a' + i as u8) as char,
                        escape(r)
                    ));
                }
                out.push_str("</table>");
            }
        }
        out.push_str("</li>\n");
    }
    out.push_str(&format!(
        "</ol>\n<section class=\"key\">\n<h1>{} — {title}</h1>\n<ol>\n",
        escape(words.answer_key)
    ));
    for q in &set.questions {
        let answer = correct_answer_text(&q.answer, words.yes, words.no);
        out.push_str(&format!("<li><b>{}</b>", escape(&answer)));
        if !q.explanation.is_empty() {
            out.push_str(&format!(" — {}", escape(&q.explanation)));
        }
        out.push_str(&format!(
            "<br><span class=\"source\">“{}” ({})</span></li>\n",
            escape(&q.source.quote),
            q.source.anchor
        ));
    }
    out.push_str("</ol>\n</section>\n</body>\n</html>\n");
    (out, Vec::new())
}
