//! A trainer's corrections to the extracted key points: a RON file beside the
//! document (`nghi-quyet.md` → `nghi-quyet.keypoints.ron`) that removes,
//! replaces and adds key points. What it says wins over the extractor.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::KeyPoint;
use crate::document::Document;
use crate::storage::{RonError, parse_ron};

/// What follows a document's file stem in the name of its curated file.
pub const CURATED_SUFFIX: &str = ".keypoints.ron";

/// The bundled document's curated key points.
pub const BUNDLED_CURATED: &str = include_str!("../../assets/hanoi-nghi-quyet-xvii.keypoints.ron");

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename = "CuratedKeyPoints")]
pub struct Curated {
    pub format: u32,
    #[serde(default)]
    pub document: String,
    /// Ids of extracted key points that are not key points.
    #[serde(default)]
    pub remove: Vec<String>,
    /// Key points to use instead of the extracted ones with the same id.
    #[serde(default)]
    pub replace: Vec<KeyPoint>,
    /// Key points the extractor does not find.
    #[serde(default)]
    pub add: Vec<KeyPoint>,
}

/// `dir/nq.md` → `dir/nq.keypoints.ron`.
pub fn curated_path(document: &Path) -> PathBuf {
    let stem = document
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    document.with_file_name(format!("{stem}{CURATED_SUFFIX}"))
}

/// Reads a curated file; `Ok(None)` when there is none.
pub fn load_curated(path: &Path) -> Result<Option<Curated>, RonError> {
    match std::fs::read_to_string(path) {
        Ok(text) => parse_ron(path, &text).map(Some),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(RonError {
            path: path.to_path_buf(),
            line: 0,
            column: 0,
            message: e.to_string(),
        }),
    }
}

/// Applies the corrections. Curated key points whose words cannot be found at
/// their anchor are left out (they could not be shown in the text).
pub fn apply_curated(doc: &Document, found: Vec<KeyPoint>, curated: &Curated) -> Vec<KeyPoint> {
    // Looked up by id: a long document and a long curated file would
    // otherwise be compared point by point.
    let remove: std::collections::HashSet<&str> =
        curated.remove.iter().map(String::as_str).collect();
    let mut replace: std::collections::HashMap<&str, &KeyPoint> = std::collections::HashMap::new();
    for r in &curated.replace {
        replace.entry(r.id.as_str()).or_insert(r); // the first one wins, as before
    }
    let mut points: Vec<KeyPoint> = found
        .into_iter()
        .filter(|p| !remove.contains(p.id.as_str()))
        .map(|p| match replace.get(p.id.as_str()) {
            Some(r) => (*r).clone(),
            None => p,
        })
        .collect();
    points.extend(curated.add.iter().cloned());
    points.retain_mut(|p| locate(doc, p));
    points.sort_by_key(|p| (p.block, p.range.start));
    points
}

/// Finds a key point's phrase at its anchor and sets its block and range.
fn locate(doc: &Document, point: &mut KeyPoint) -> bool {
    let Some(loc) = doc.locate(point.anchor) else {
        return false;
    };
    let text = &doc.blocks[loc.block].text;
    let within = loc.range.clone().unwrap_or(0..text.len());
    let found = text[within.clone()].find(&point.phrase).or_else(|| {
        text.find(&point.phrase)
            .map(|at| at.wrapping_sub(within.start))
    });
    match found {
        Some(at) => {
            let start = within.start.wrapping_add(at);
            point.block = loc.block;
            point.range = start..start + point.phrase.len();
            true
        }
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::keypoints::{Detail, extract};

    #[test]
    fn curated_path_sits_beside_the_document() {
        assert_eq!(
            curated_path(Path::new("/a/nq.md")),
            Path::new("/a/nq.keypoints.ron")
        );
    }

    #[test]
    fn removals_replacements_and_additions_win() {
        let doc = Document::bundled();
        let found = extract(&doc);
        let first = found[0].clone();
        let second = found[1].clone();
        let mut replaced = second.clone();
        replaced.detail = Detail::Date {
            date: "thay".into(),
        };
        let added = KeyPoint {
            id: "them-1".into(),
            anchor: "p4.s1".parse().unwrap(),
            phrase: "chủ thể chính".into(),
            detail: Detail::Definition {
                subject: "cán bộ chủ chốt TP".into(),
                definition: "chủ thể chính đưa Nghị quyết vào cuộc sống".into(),
            },
            block: 0,
            range: 0..0,
        };
        let lost = KeyPoint {
            id: "khong-co".into(),
            phrase: "không có trong văn bản".into(),
            ..added.clone()
        };
        let curated = Curated {
            format: 1,
            document: String::new(),
            remove: vec![first.id.clone()],
            replace: vec![replaced.clone()],
            add: vec![added, lost],
        };
        let points = apply_curated(&doc, found.clone(), &curated);
        assert!(!points.iter().any(|p| p.id == first.id));
        assert_eq!(
            points.iter().find(|p| p.id == second.id).unwrap().detail,
            replaced.detail
        );
        let them = points.iter().find(|p| p.id == "them-1").unwrap();
        assert_eq!(
            &doc.blocks[them.block].text[them.range.clone()],
            "chủ thể chính"
        );
        assert!(
            !points.iter().any(|p| p.id == "khong-co"),
            "a phrase not in the text is left out"
        );
        assert_eq!(points.len(), found.len());
    }

    #[test]
    fn curated_files_round_trip_through_ron() {
        let doc = Document::bundled();
        let curated = Curated {
            format: 1,
            document: "x".into(),
            remove: vec!["count-1".into()],
            replace: Vec::new(),
            add: extract(&doc).into_iter().take(2).collect(),
        };
        let text = ron::ser::to_string_pretty(
            &curated,
            ron::ser::PrettyConfig::default().struct_names(true),
        )
        .unwrap();
        let back: Curated = parse_ron(Path::new("x"), &text).unwrap();
        assert_eq!(back.remove, curated.remove);
        assert_eq!(back.add.len(), 2);
    }
}
