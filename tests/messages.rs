//! The interface's sentences against the code that uses them: every
//! `fill(tr.x, &[("name", …)])` gives exactly the places sentence `x` has
//! (a misspelt name would show "{name}" to the user), and no sentence is
//! left that nothing says.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use nghiquyet::i18n::Language;

fn source_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(source_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
    out.sort();
    out
}

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// `{name}` places in a sentence.
fn places(sentence: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut rest = sentence;
    while let Some(open) = rest.find('{') {
        rest = &rest[open + 1..];
        let Some(close) = rest.find('}') else { break };
        let name = &rest[..close];
        if !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
            out.insert(name.to_string());
        }
        rest = &rest[close + 1..];
    }
    out
}

/// The names of the `("name", value)` pairs of the `[…]` list that starts
/// `text`: the first string of each tuple at the list's own level (strings
/// inside the values, such as a `format!`, are not names).
fn given(text: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let (mut brackets, mut parens) = (0usize, 0usize);
    // Just inside a tuple of the list, waiting for its first token.
    let mut tuple_start = false;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match c {
            '"' => {
                let start = i + 1;
                let mut end = start;
                while let Some((j, d)) = chars.next() {
                    if d == '\\' {
                        chars.next();
                    } else if d == '"' {
                        end = j;
                        break;
                    }
                }
                if tuple_start {
                    out.insert(text[start..end].to_string());
                }
                tuple_start = false;
            }
            '[' => brackets += 1,
            ']' => {
                brackets -= 1;
                if brackets == 0 {
                    break;
                }
            }
            '(' => {
                parens += 1;
                tuple_start = brackets == 1 && parens == 1;
            }
            ')' => parens = parens.saturating_sub(1),
            c if c.is_whitespace() => {}
            _ => tuple_start = false,
        }
    }
    out
}

/// Every `fill(<…>.key, &[…])` in the sources: (where, key, names given).
fn fill_calls(keys: &BTreeMap<&str, &str>) -> Vec<(String, String, BTreeSet<String>)> {
    let mut calls = Vec::new();
    for file in source_files(&src()) {
        let text = std::fs::read_to_string(&file).unwrap();
        for (at, _) in text.match_indices("fill(") {
            let after = &text[at + 5..];
            let Some(comma) = after.find(',') else {
                continue;
            };
            let first = after[..comma].trim();
            // `tr.x`, `self.tr().x`, `input.look.tr.x`…; a variable holding
            // a sentence is checked where the sentence is chosen.
            let Some(key) = first.rsplit('.').next().filter(|k| keys.contains_key(k)) else {
                continue;
            };
            if !first.contains('.') {
                continue;
            }
            let list = after[comma + 1..].trim_start();
            if !list.starts_with("&[") {
                continue;
            }
            let line = text[..at].lines().count() + 1;
            calls.push((
                format!("{}:{line}", file.display()),
                key.to_string(),
                given(&list[1..]),
            ));
        }
    }
    calls
}

#[test]
fn every_fill_gives_exactly_the_places_of_its_sentence() {
    for language in Language::ALL {
        let tr = language.strings();
        let keys: BTreeMap<&str, &str> = tr.entries().into_iter().collect();
        let calls = fill_calls(&keys);
        assert!(
            calls.len() > 100,
            "the scan finds the calls: {}",
            calls.len()
        );
        let wrong: Vec<String> = calls
            .iter()
            .filter(|(_, key, names)| places(keys[key.as_str()]) != *names)
            .map(|(at, key, names)| {
                format!(
                    "{at}: {key} has {:?}, the call gives {names:?}",
                    places(keys[key.as_str()])
                )
            })
            .collect();
        assert!(wrong.is_empty(), "{language:?}:\n{}", wrong.join("\n"));
    }
}

#[test]
fn the_scan_reads_a_call_as_written() {
    assert_eq!(
        given("[(\"path\", &p.display()), (\"error\", &e)]);"),
        ["error", "path"].map(String::from).into()
    );
    assert_eq!(
        given("[(\n  \"n\",\n  &format!(\"{} ({})\", a, b),\n)]"),
        ["n"].map(String::from).into()
    );
    assert_eq!(
        places("Mở {path}: {error} {"),
        ["error", "path"].map(String::from).into()
    );
}

#[test]
fn every_sentence_is_said_somewhere() {
    let mut code = String::new();
    for file in source_files(&src()) {
        // The tables themselves do not count; the functions beside them do.
        let table = file.ends_with("i18n/vi.rs") || file.ends_with("i18n/en.rs");
        if !table {
            code.push_str(&std::fs::read_to_string(&file).unwrap());
        }
    }
    let unused: Vec<&str> = Language::Vi
        .strings()
        .entries()
        .into_iter()
        .map(|(key, _)| key)
        .filter(|key| {
            let used = |prefix: &str| {
                code.match_indices(&format!("{prefix}{key}"))
                    .any(|(at, m)| {
                        let next = code[at + m.len()..].chars().next();
                        !next.is_some_and(|c| c.is_ascii_alphanumeric() || c == '_')
                    })
            };
            !used(".")
        })
        .collect();
    assert!(unused.is_empty(), "sentences nothing says: {unused:?}");
}
