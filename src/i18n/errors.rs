//! The core's typed errors in words: one `describe_*` function each, for
//! the interface language, and `Display` (with `std::error::Error`) in
//! English for logs and for code that only needs "what went wrong". The
//! wording lives here, beside the other sentences, not in the modules that
//! raise the errors (which know nothing of languages).

use std::fmt;

use super::{Language, Strings, describe_load_error, fill};
use crate::document::LoadError;
use crate::progress::OpenError;
use crate::progress::profiles::CreateError;
use crate::progress::schedule::{FIT_FROM, FitError};

/// Why `name`'s history could not be opened.
pub fn describe_open_error(tr: &Strings, name: &str, error: &OpenError) -> String {
    match error {
        OpenError::InUse => fill(tr.profile_in_use, &[("name", &name)]),
        OpenError::Newer { path, version } => fill(
            tr.profile_newer,
            &[
                ("name", &name),
                ("path", &path.display()),
                ("version", version),
            ],
        ),
        OpenError::Io(e) => fill(tr.profile_error, &[("name", &name), ("error", e)]),
    }
}

/// Why a learner called `name` could not be added.
pub fn describe_create_error(tr: &Strings, name: &str, error: &CreateError) -> String {
    match error {
        CreateError::Empty => tr.profile_name_empty.to_string(),
        CreateError::Exists(p) => fill(tr.profile_name_taken, &[("name", &p.name)]),
        CreateError::Io(e) => fill(tr.profile_error, &[("name", &name), ("error", e)]),
    }
}

/// Why the scheduler could not be fitted to the learner's answers.
pub fn describe_fit_error(tr: &Strings, error: &FitError) -> String {
    match error {
        FitError::TooFew { answers } => {
            fill(tr.progress_fit_need, &[("need", &FIT_FROM), ("n", answers)])
        }
        FitError::Failed(e) => e.clone(),
    }
}

fn english() -> &'static Strings {
    Language::En.strings()
}

/// How the English sentences name a learner they do not know.
const SOMEONE: &str = "this learner";

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&describe_load_error(english(), self))
    }
}

impl std::error::Error for LoadError {}

impl fmt::Display for OpenError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&describe_open_error(english(), SOMEONE, self))
    }
}

impl std::error::Error for OpenError {}

impl fmt::Display for CreateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&describe_create_error(english(), SOMEONE, self))
    }
}

impl std::error::Error for CreateError {}

impl fmt::Display for FitError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&describe_fit_error(english(), self))
    }
}

impl std::error::Error for FitError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_read_as_sentences_in_both_languages() {
        let vi = Language::Vi.strings();
        let in_use = describe_open_error(vi, "Nguyễn Văn An", &OpenError::InUse);
        assert!(in_use.contains("Nguyễn Văn An"), "{in_use}");
        let few = FitError::TooFew { answers: 3 };
        let words = describe_fit_error(vi, &few);
        assert!(
            words.contains('3') && words.contains(&FIT_FROM.to_string()),
            "{words}"
        );
        // Display: English, and never a `{place}` left unfilled.
        for shown in [
            OpenError::InUse.to_string(),
            CreateError::Empty.to_string(),
            few.to_string(),
            LoadError::Empty.to_string(),
        ] {
            assert!(!shown.is_empty() && !shown.contains('{'), "{shown}");
        }
        assert!(OpenError::InUse.to_string().contains(SOMEONE));
        let boxed: Box<dyn std::error::Error> = Box::new(LoadError::Empty);
        assert_eq!(boxed.to_string(), LoadError::Empty.to_string());
    }
}
