//! The rules of the house (ARCHITECTURE.md), kept by tests rather than by
//! review alone:
//!
//! - only `src/ui/` names egui or eframe;
//! - no two modules of one folder depend on each other, however indirectly;
//! - a source file over 800 lines says in its module doc why it is long.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

const LONGEST: usize = 800;
const LONG_BECAUSE: &str = "Why this file is long:";

fn source_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            out.extend(source_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
    out
}

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// The code of a file without its comments and without its unit tests
/// (what the module itself depends on).
fn code(text: &str) -> String {
    let text = text.split("#[cfg(test)]").next().unwrap_or("");
    text.lines()
        .map(|line| match line.find("//") {
            Some(at) => &line[..at],
            None => line,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Whether `word` stands in `text` as a word of its own.
fn names(text: &str, word: &str) -> Option<usize> {
    let is_ident = |c: char| c.is_ascii_alphanumeric() || c == '_';
    text.match_indices(word)
        .find(|(at, _)| {
            let before = text[..*at].chars().next_back();
            let after = text[at + word.len()..].chars().next();
            !before.is_some_and(is_ident) && !after.is_some_and(is_ident)
        })
        .map(|(at, _)| text[..at].lines().count().max(1))
}

#[test]
fn only_the_window_names_egui() {
    let ui = src().join("ui");
    let mut found = Vec::new();
    for file in source_files(&src()) {
        if file.starts_with(&ui) {
            continue;
        }
        let code = code(&std::fs::read_to_string(&file).unwrap());
        for word in ["egui", "eframe", "egui_kittest"] {
            if let Some(line) = names(&code, word) {
                found.push(format!("{}:{line}: {word}", file.display()));
            }
        }
    }
    assert!(
        found.is_empty(),
        "the core must not use the window's toolkit:\n{}",
        found.join("\n")
    );
}

#[test]
fn the_rule_above_sees_egui_where_it_is() {
    assert_eq!(names("use egui::Ui;", "egui"), Some(1));
    assert_eq!(names("fn a() {}\nlet x = eframe::run;", "eframe"), Some(2));
    assert_eq!(names("let my_egui_thing = 1;", "egui"), None);
    assert_eq!(code("let a = 1; // egui draws it"), "let a = 1; ");
}

/// The modules of one folder: file stem (or sub-folder) → file.
fn modules_of(dir: &Path) -> BTreeMap<String, PathBuf> {
    let mut modules = BTreeMap::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        if path.is_dir() {
            let file = [path.join("mod.rs"), dir.join(format!("{name}.rs"))]
                .into_iter()
                .find(|f| f.exists());
            if let Some(file) = file {
                modules.insert(name, file);
            }
        } else if path.extension().is_some_and(|e| e == "rs")
            && !["mod", "lib", "main"].contains(&name.as_str())
        {
            modules.insert(name, path);
        }
    }
    modules
}

/// The whole text of a module: its file and, for a folder, every file in it.
fn module_code(file: &Path) -> String {
    let mut text = code(&std::fs::read_to_string(file).unwrap());
    let folder = if file.file_name().is_some_and(|n| n == "mod.rs") {
        file.parent().map(Path::to_path_buf)
    } else {
        Some(file.with_extension(""))
    };
    if let Some(folder) = folder.filter(|f| f.is_dir()) {
        for inner in source_files(&folder) {
            if inner != file {
                text.push('\n');
                text.push_str(&code(&std::fs::read_to_string(inner).unwrap()));
            }
        }
    }
    text
}

/// Which modules of the folder `path` (as `crate::a::b`) each one uses.
fn dependencies(dir: &Path, path: &str) -> BTreeMap<String, BTreeSet<String>> {
    let modules = modules_of(dir);
    let mut graph = BTreeMap::new();
    for (name, file) in &modules {
        let text = module_code(file);
        let mut uses = BTreeSet::new();
        for other in modules.keys().filter(|o| *o != name) {
            let written = [
                format!("super::{other}::"),
                format!("super::{other};"),
                format!("{path}::{other}::"),
                format!("{path}::{other};"),
            ];
            let in_braces = ["super::{".to_string(), format!("{path}::{{")]
                .iter()
                .any(|start| {
                    text.match_indices(start.as_str()).any(|(at, _)| {
                        let rest = &text[at..];
                        let group = &rest[..rest.find('}').unwrap_or(rest.len())];
                        names(group, other).is_some()
                    })
                });
            // A folder's mod.rs reaching into a child is not a sibling edge.
            let top_level_crate = path == "crate" && text.contains(&format!("crate::{other}"));
            if in_braces || top_level_crate || written.iter().any(|w| text.contains(w)) {
                uses.insert(other.clone());
            }
        }
        graph.insert(name.clone(), uses);
    }
    graph
}

/// A circle in `graph`, if there is one.
fn circle(graph: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        node: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(at) = path.iter().position(|n| n == node) {
            let mut found = path[at..].to_vec();
            found.push(node.to_string());
            return Some(found);
        }
        if done.contains(node) {
            return None;
        }
        path.push(node.to_string());
        for next in graph.get(node).into_iter().flatten() {
            if let Some(found) = visit(next, graph, path, done) {
                return Some(found);
            }
        }
        path.pop();
        done.insert(node.to_string());
        None
    }
    let mut done = BTreeSet::new();
    graph
        .keys()
        .find_map(|n| visit(n, graph, &mut Vec::new(), &mut done))
}

#[test]
fn no_module_circles() {
    let mut folders = vec![(src(), "crate".to_string())];
    let mut circles = Vec::new();
    while let Some((dir, path)) = folders.pop() {
        if let Some(found) = circle(&dependencies(&dir, &path)) {
            circles.push(format!("{}: {}", dir.display(), found.join(" → ")));
        }
        for entry in std::fs::read_dir(&dir).unwrap() {
            let sub = entry.unwrap().path();
            if sub.is_dir() {
                let name = sub.file_name().unwrap().to_string_lossy().into_owned();
                folders.push((sub, format!("{path}::{name}")));
            }
        }
    }
    assert!(
        circles.is_empty(),
        "modules in a circle:\n{}",
        circles.join("\n")
    );
}

#[test]
fn a_circle_is_found() {
    let graph: BTreeMap<String, BTreeSet<String>> = [
        ("a", vec!["b"]),
        ("b", vec!["c"]),
        ("c", vec!["a"]),
        ("d", vec![]),
    ]
    .into_iter()
    .map(|(n, d)| (n.to_string(), d.into_iter().map(String::from).collect()))
    .collect();
    assert_eq!(
        circle(&graph),
        Some(vec!["a".into(), "b".into(), "c".into(), "a".into()])
    );
    let mut open = graph.clone();
    open.get_mut("c").unwrap().clear();
    assert_eq!(circle(&open), None);
}

#[test]
fn long_files_say_why() {
    let mut silent = Vec::new();
    for file in source_files(&src()) {
        let text = std::fs::read_to_string(&file).unwrap();
        let lines = text.lines().count();
        let says_why = text
            .lines()
            .take_while(|l| l.starts_with("//!") || l.trim().is_empty())
            .any(|l| l.contains(LONG_BECAUSE));
        if lines > LONGEST && !says_why {
            silent.push(format!("{} ({lines} lines)", file.display()));
        }
    }
    assert!(
        silent.is_empty(),
        "over {LONGEST} lines without \"{LONG_BECAUSE}\" in the module doc:\n{}",
        silent.join("\n")
    );
}
