//! The profiles on this PC: one folder each under `profiles/` in the data
//! folder, named after the person (without marks), so several cadres can
//! share one PC.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use super::files::{PROFILE_FILE, ProfileFile, read_profile};
use crate::paths::Paths;
use crate::storage::write_ron;
use crate::text::{Fold, fold, nfc};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProfileInfo {
    /// The folder's name.
    pub slug: String,
    /// The name as the person typed it.
    pub name: String,
    pub dir: PathBuf,
}

pub fn root(paths: &Paths) -> PathBuf {
    paths.data_dir.join("profiles")
}

/// A folder name for a person's name: "Nguyễn Văn Ân" → "nguyen-van-an".
pub fn slug(name: &str) -> String {
    let folded = fold(&nfc(name), Fold::Marks);
    let mut out = String::new();
    for c in folded.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    let out = out.trim_end_matches('-').to_string();
    if out.is_empty() {
        "ho-so".to_string()
    } else {
        out
    }
}

/// The profiles in `root`, by name.
pub fn list(root: &Path) -> Vec<ProfileInfo> {
    let mut profiles: Vec<ProfileInfo> = fs::read_dir(root)
        .into_iter()
        .flatten()
        .flatten()
        .filter(|e| e.path().is_dir())
        .map(|e| {
            let dir = e.path();
            let slug = e.file_name().to_string_lossy().into_owned();
            // A profile whose header cannot be read still shows, by folder name;
            // opening it sets the header aside and recovers.
            let name = match read_profile(&dir.join(PROFILE_FILE)) {
                Ok(Some(h)) if !h.name.trim().is_empty() => h.name,
                _ => slug.clone(),
            };
            ProfileInfo { slug, name, dir }
        })
        .collect();
    profiles.sort_by_key(|p| fold(&p.name, Fold::Marks));
    profiles
}

/// Why a name cannot be used for a new profile.
#[derive(Debug)]
pub enum CreateError {
    Empty,
    Exists(ProfileInfo),
    Io(io::Error),
}

/// Makes a profile for `name`. Two people with the same name get two
/// folders only if they differ in more than marks and case: the second is
/// told the name is taken.
pub fn create(root: &Path, name: &str, now: i64) -> Result<ProfileInfo, CreateError> {
    let name = crate::text::collapse_spaces(nfc(name).trim());
    if name.is_empty() {
        return Err(CreateError::Empty);
    }
    let slug = slug(&name);
    if let Some(existing) = list(root)
        .into_iter()
        .find(|p| p.slug == slug || fold(&p.name, Fold::Case) == fold(&name, Fold::Case))
    {
        return Err(CreateError::Exists(existing));
    }
    let dir = root.join(&slug);
    fs::create_dir_all(&dir).map_err(CreateError::Io)?;
    write_ron(&dir.join(PROFILE_FILE), &ProfileFile::new(&name, now)).map_err(CreateError::Io)?;
    Ok(ProfileInfo { slug, name, dir })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folder_names_are_plain_ascii() {
        assert_eq!(slug("Nguyễn Văn Ân"), "nguyen-van-an");
        assert_eq!(
            slug("  Đặng   Thị  Hoà (Ban Tuyên giáo) "),
            "dang-thi-hoa-ban-tuyen-giao"
        );
        assert_eq!(slug("???"), "ho-so");
    }

    #[test]
    fn profiles_are_created_listed_and_not_doubled() {
        let home = tempfile::tempdir().unwrap();
        let root = home.path().join("profiles");
        let an = create(&root, "Nguyễn Văn Ân", 1).unwrap();
        create(&root, "Lê Thị Bình", 2).unwrap();
        let names: Vec<String> = list(&root).into_iter().map(|p| p.name).collect();
        assert_eq!(names, ["Lê Thị Bình", "Nguyễn Văn Ân"]);
        assert!(
            matches!(create(&root, "nguyễn văn ân", 3), Err(CreateError::Exists(p)) if p == an)
        );
        assert!(matches!(
            create(&root, "Nguyen Van An", 3),
            Err(CreateError::Exists(_))
        ));
        assert!(matches!(create(&root, "   ", 3), Err(CreateError::Empty)));
    }
}
