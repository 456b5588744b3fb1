//! Every user-visible string, one table per language.
//!
//! [`Strings`] has one field per message; `vi.rs` and `en.rs` each fill all of
//! them (the compiler refuses a table that leaves one out), and a test checks
//! that no entry is blank and that both languages use the same placeholders.
//! Placeholders are written `{name}` and filled with [`fill`].
//!
//! Why this file is long: the [`Strings`] table declares every sentence
//! the interface says, one field each (several hundred), and the
//! `describe_*` functions that turn the core's typed errors into those
//! sentences live beside it, so wording is in one place.

pub mod cli_help;
mod en;
mod errors;
mod vi;

pub use errors::{describe_create_error, describe_fit_error, describe_open_error};

use serde::{Deserialize, Serialize};

use crate::document::encoding::{Conversion, TextEncoding};
use crate::document::readers::{MAX_UNPACKED_BYTES, Notice};
use crate::document::{LoadError, MAX_DOCUMENT_BYTES, ReadError};
use crate::quiz::{Problem, ProblemKind};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Language {
    #[default]
    Vi,
    En,
}

impl Language {
    pub const ALL: [Language; 2] = [Language::Vi, Language::En];

    pub fn strings(self) -> &'static Strings {
        match self {
            Language::Vi => &vi::VI,
            Language::En => &en::EN,
        }
    }

    /// The language's name in itself, the same in every interface language.
    pub fn native_name(self) -> &'static str {
        match self {
            Language::Vi => "Tiếng Việt",
            Language::En => "English",
        }
    }
}

macro_rules! define_strings {
    ($($name:ident),* $(,)?) => {
        /// The messages of one interface language.
        pub struct Strings {
            $(pub $name: &'static str,)*
        }

        impl Strings {
            /// Every (key, message) pair, for checking the tables.
            pub fn entries(&self) -> Vec<(&'static str, &'static str)> {
                vec![$((stringify!($name), self.$name)),*]
            }
        }
    };
}

define_strings! {
    app_title,
    menu_file,
    menu_open,
    menu_recent,
    menu_recent_empty,
    menu_open_bundled,
    menu_paste,
    paste_title,
    paste_name,
    paste_open,
    paste_size,
    paste_empty,
    paste_failed,
    menu_quit,
    menu_view,
    menu_language,
    theme_label,
    theme_system,
    theme_light,
    theme_dark,
    theme_toggle_tooltip,
    text_size_label,
    text_smaller,
    text_larger,
    text_reset,
    show_numbers,
    open_button_label,
    open_tooltip,
    search_hint,
    search_tooltip,
    search_prev,
    search_next,
    search_count,
    search_none,
    search_clear,
    open_title,
    open_path,
    open_go,
    open_up,
    open_home,
    open_documents,
    open_desktop,
    open_show_all,
    open_empty_folder,
    open_cannot_list,
    open_folder_tooltip,
    cancel,
    close,
    drop_hint,
    open_failed,
    err_not_found,
    err_is_folder,
    err_too_large,
    err_not_utf8,
    err_binary,
    err_empty,
    err_io,
    conv_decoded,
    conv_legacy,
    conv_mojibake,
    err_file_damaged,
    err_encrypted,
    err_pdf_no_text,
    err_pdf_undecodable,
    err_save_as_docx,
    err_too_big_document,
    err_unsupported,
    err_damaged,
    err_too_large_unpacked,
    err_too_complex,
    err_timed_out,
    err_reader_failed,
    notice_tables_flattened,
    notice_headers_footers,
    notice_notes_at_end,
    notice_images,
    notice_page_chrome,
    convert_written,
    convert_exists,
    convert_same_file,
    kept_document,
    opening_file,
    settings_unreadable,
    settings_unreadable_kept,
    settings_save_failed,
    status_paragraphs,
    status_bundled,
    paragraph_tooltip,
    kp_button,
    kp_tooltip,
    kp_title,
    kp_working,
    kp_counts,
    kp_times,
    kp_quotes,
    kp_people,
    kp_statements,
    kp_none,
    kp_curated_problem,
    practice_generated,
    generate_written,
    generate_empty,
    generate_invalid,
    tab_reader,
    tab_practice,
    practice_sets,
    practice_no_sets,
    practice_set_size,
    practice_bundled,
    practice_count,
    practice_all,
    practice_shuffle,
    practice_start,
    practice_broken_title,
    practice_progress,
    practice_submit,
    practice_next,
    practice_finish,
    practice_quit,
    practice_right,
    practice_right_note,
    practice_partial,
    practice_wrong,
    practice_correct_answer,
    practice_spelling_note,
    practice_source,
    practice_text_covered,
    practice_right_choice,
    practice_your_choice,
    practice_blank_right,
    practice_blank_should_be,
    practice_show_in_text,
    practice_show_in_text_key,
    practice_true,
    practice_false,
    practice_hint_choice,
    practice_hint_multi,
    practice_hint_true_false,
    practice_hint_blank,
    practice_hint_number,
    practice_hint_order,
    practice_hint_match,
    practice_blank_label,
    practice_move_up,
    practice_move_down,
    practice_summary_title,
    practice_summary_score,
    practice_summary_time,
    practice_review_done_next,
    practice_review_done,
    practice_missed_title,
    practice_none_missed,
    practice_retry_missed,
    practice_new_round,
    practice_back_to_question,
    practice_not_answered,
    passage_not_found,
    qtype_single,
    qtype_multiple,
    qtype_true_false,
    qtype_blank,
    qtype_numeric,
    qtype_ordering,
    qtype_matching,
    minutes_seconds,
    problem_not_found,
    problem_too_large,
    problem_not_utf8,
    problem_empty_file,
    problem_io,
    problem_syntax,
    problem_missing_comma,
    problem_unexpected_end,
    problem_unclosed_text,
    problem_missing_field,
    problem_unknown_field,
    problem_unknown_type,
    problem_duplicate_field,
    problem_wrong_value,
    problem_unsupported_format,
    problem_empty_title,
    problem_empty_document,
    problem_no_questions,
    problem_empty_id,
    problem_duplicate_id,
    problem_empty_prompt,
    problem_empty_quote,
    problem_too_few_choices,
    problem_empty_choice,
    problem_duplicate_choice,
    problem_choice_out_of_range,
    problem_no_right_choice,
    problem_blank_mismatch,
    problem_empty_blank,
    problem_bad_tolerance,
    problem_too_few_items,
    problem_duplicate_item,
    check_ok,
    check_failed,
    tab_progress,
    profile_none,
    profile_tooltip,
    profile_menu_new,
    profile_picker_title,
    profile_picker_intro,
    profile_name_label,
    profile_create,
    profile_later,
    profile_name_empty,
    profile_name_taken,
    profile_in_use,
    profile_newer,
    profile_error,
    progress_set_aside,
    progress_set_aside_no_backup,
    progress_migrated,
    progress_repaired,
    progress_repaired_from_backup,
    profile_not_a_folder,
    profile_list_error,
    progress_save_failed,
    review_title,
    review_counts,
    review_start,
    review_nothing,
    review_no_profile,
    progress_title,
    progress_streak,
    progress_total,
    progress_due,
    progress_new,
    progress_learned,
    progress_plot_title,
    progress_plot_right,
    progress_plot_wrong,
    progress_weakest,
    progress_weakest_none,
    progress_practise_these,
    progress_by_set,
    progress_met,
    progress_by_point,
    level_unseen,
    level_weak,
    level_learning,
    level_strong,
    progress_fsrs_title,
    progress_fsrs_default,
    progress_known,
    progress_fsrs_fitted,
    progress_fit,
    progress_fit_need,
    progress_fit_running,
    progress_fit_failed,
    progress_data_title,
    progress_export,
    progress_exported,
    progress_export_failed,
    progress_import,
    import_title,
    progress_imported,
    progress_import_failed,
    progress_backups,
    progress_restore,
    progress_restore_confirm,
    progress_restored,
    progress_restore_failed,
    progress_no_profile,
    progress_choose_profile,
    kp_mark_tooltip,
    report_learners,
    report_passed,
    report_failed,
    report_hardest,
    report_misleading,
    report_question_line,
    report_written,
    report_none,
    csv_learner,
    csv_percent,
    csv_passed,
    csv_file,
    csv_set,
    csv_id,
    csv_question,
    csv_asked,
    csv_right,
    csv_discrimination,
    csv_total,
    xlsx_sheet_learners,
    xlsx_sheet_questions,
    sheet_no_answers,
    sheet_unknown_code,
    sheet_not_an_answer,
    sheet_no_such_question,
    csv_unit,
    csv_flags,
    report_recomputed,
    report_exam,
    report_flagged,
    report_bad_exam,
    flag_not_sealed,
    flag_seal_broken,
    flag_other_exam,
    flag_self_test,
    flag_settings,
    flag_question_changed,
    flag_question_unknown,
    flag_score_edited,
    flag_too_long,
    flag_outside_times,
    flag_twice,
    flag_same_wrong,
    flag_away,
    flag_mark_by_hand,
    tab_session,
    tab_exam,
    session_title,
    session_seconds,
    session_no_timer,
    session_seconds_value,
    session_teams,
    session_no_teams,
    session_team_default,
    session_team_name,
    session_start,
    session_keys_title,
    session_keys,
    session_time_up,
    session_paused,
    session_answer,
    session_scoreboard,
    session_final,
    session_mark_hint,
    session_points,
    session_export_csv,
    session_export_failed,
    session_past,
    session_past_line,
    session_past_phones,
    session_open,
    session_help_hint,
    session_unreadable,
    session_back_to_setup,
    session_right_answer,
    session_ready_questions,
    session_ready_seconds,
    session_ready_start,
    session_match_answer,
    session_saved_words,
    session_saved_in_app,
    csv_rank,
    csv_right_count,
    phones_option,
    phones_help,
    phones_speed,
    phones_count,
    phones_ask_unit,
    phones_text,
    phones_teams,
    room_join_title,
    room_scan,
    room_pin,
    room_joined,
    room_teams_joined,
    room_no_network,
    room_answered,
    room_remove_hint,
    room_late,
    room_leaderboard,
    room_failed,
    room_removed,
    room_others,
    room_start,
    room_own_rank,
    room_podium_more,
    room_more,
    room_right,
    number_group,
    exam_intro,
    exam_count,
    exam_seed,
    exam_minutes,
    exam_pass,
    exam_start,
    exam_no_profile,
    exam_time_left,
    exam_answered,
    exam_previous,
    exam_next,
    exam_submit,
    exam_submit_confirm,
    exam_result,
    exam_passed,
    exam_failed,
    exam_pass_mark,
    exam_timed_out,
    exam_review,
    exam_export,
    exam_exported,
    written_place,
    folder_documents,
    open_folder,
    exam_new,
    exam_closes_at,
    exam_file_after_sitting,
    exam_report_heading,
    exam_report_intro,
    exam_report_intro_file,
    exam_report_button,
    exam_report_title,
    exam_report_none,
    exam_report_written,
    exam_make_heading,
    exam_make_intro,
    exam_make_title,
    exam_make_codes,
    exam_make_allow_reading,
    exam_make_show_answers,
    exam_make_ask_unit,
    exam_make_write,
    exam_make_written,
    exam_make_failed,
    make_exam_counts,
    make_exam_written,
    exam_self_test,
    exam_self_test_note,
    exam_file_locked,
    exam_file_minutes,
    exam_file_no_limit,
    exam_file_facts,
    exam_file_reading_allowed,
    exam_file_reading_closed,
    exam_file_not_yet,
    exam_file_closed,
    exam_file_name,
    exam_file_unit,
    exam_file_type_name,
    exam_file_close,
    exam_code_is,
    exam_next_learner,
    exam_answers_later,
    exam_resumed,
    exam_sitting_unusable,
    exam_sitting_unreadable,
    exam_sitting_save_failed,
    exam_locked,
    exam_file_bad,
    paper_name_line,
    paper_answer_key,
    paper_time,
    paper_code,
    paper_name_unit_line,
    paper_question,
    paper_several,
    paper_write_answer,
    paper_order_line,
    paper_match_line,
    paper_sheet_title,
    paper_sheet_hint,
    paper_column_question,
    paper_column_answer,
    paper_keys_title,
    paper_key_title,
    paper_end,
    paper_written,
    import_written,
    export_written,
    import_nothing,
    output_is_input,
    output_exists,
    file_permission_denied,
    file_disk_error,
    file_not_text,
    file_damaged_at,
    import_left_out,
    import_essay,
    import_description,
    import_unclosed,
    import_no_answers,
    import_no_right_answer,
    import_not_a_number,
    import_row_too_short,
    import_linked,
    import_not_linked,
    import_no_options,
    import_no_marked_answer,
    import_answer_not_an_option,
    import_old_word,
    import_question,
    export_left_out,
    export_several_blanks,
    export_no_ordering,
    tab_editor,
    editor_title,
    editor_intro,
    editor_new_set,
    editor_import,
    editor_import_tooltip,
    editor_import_title,
    editor_imported,
    editor_import_left_out,
    editor_import_failed,
    editor_new_title,
    editor_edit,
    editor_copy,
    editor_duplicate,
    editor_delete,
    editor_delete_confirm,
    editor_deleted,
    editor_delete_failed,
    editor_copy_title,
    editor_set_title,
    editor_author,
    editor_save,
    editor_saved,
    editor_save_failed,
    editor_undo,
    editor_redo,
    editor_close,
    editor_unsaved,
    editor_discard_question,
    editor_discard,
    editor_draft_restored,
    editor_read_only,
    editor_questions,
    editor_add,
    editor_from_generated,
    editor_take_selected,
    editor_no_question,
    editor_move_up,
    editor_move_down,
    editor_remove_question,
    editor_id,
    editor_prompt,
    editor_choice,
    editor_right,
    editor_add_choice,
    editor_remove,
    editor_true,
    editor_false,
    editor_blank_text,
    editor_blank_click,
    editor_blank_answers,
    editor_number,
    editor_tolerance,
    editor_unit,
    editor_item,
    editor_add_item,
    editor_left,
    editor_right_side,
    editor_add_pair,
    editor_explanation,
    editor_tags,
    editor_difficulty,
    editor_difficulty_none,
    editor_easy,
    editor_medium,
    editor_hard,
    editor_key_point,
    editor_anchor,
    editor_quote,
    editor_pick_passage,
    editor_passage_search,
    editor_passage_missing,
    editor_problems,
    editor_preview,
    editor_from_passage,
    practice_number_label,
    editor_problem_count,
}

/// Replaces each `{key}` in `template` with its value.
pub fn fill(template: &str, values: &[(&str, &dyn std::fmt::Display)]) -> String {
    let mut out = template.to_string();
    for (key, value) in values {
        out = out.replace(&format!("{{{key}}}"), &value.to_string());
    }
    out
}

/// "12 MB", "850 kB", "12 B" — sizes for messages.
pub fn human_bytes(bytes: u64) -> String {
    const KB: u64 = 1024;
    const MB: u64 = 1024 * KB;
    if bytes >= MB {
        format!("{} MB", bytes.div_ceil(MB))
    } else if bytes >= KB {
        format!("{} kB", bytes.div_ceil(KB))
    } else {
        format!("{bytes} B")
    }
}

/// "Could not open PATH: why." — the one way the app and the command
/// line say a document could not be opened.
pub fn could_not_open(tr: &Strings, path: &std::path::Path, error: &LoadError) -> String {
    format!(
        "{} {}",
        fill(tr.open_failed, &[("path", &path.display())]),
        describe_load_error(tr, error)
    )
}

/// Why a document could not be opened, in one sentence, for the window and
/// for the command line alike.
pub fn describe_load_error(tr: &Strings, error: &LoadError) -> String {
    match error {
        LoadError::NotFound(_) => tr.err_not_found.to_string(),
        LoadError::IsFolder(_) => tr.err_is_folder.to_string(),
        LoadError::TooLarge { bytes, .. } => fill(
            tr.err_too_large,
            &[
                ("size", &human_bytes(*bytes)),
                ("limit", &human_bytes(MAX_DOCUMENT_BYTES)),
            ],
        ),
        LoadError::NotUtf8 { line, column, .. } => {
            fill(tr.err_not_utf8, &[("line", line), ("column", column)])
        }
        LoadError::Binary(_) => tr.err_binary.to_string(),
        LoadError::Empty => tr.err_empty.to_string(),
        LoadError::Io { message, .. } => fill(tr.err_io, &[("message", message)]),
        LoadError::Unreadable { reason, .. } => match reason {
            ReadError::Damaged { format, detail } => fill(
                tr.err_file_damaged,
                &[("format", format), ("detail", detail)],
            ),
            ReadError::Encrypted { format } => fill(tr.err_encrypted, &[("format", format)]),
            ReadError::NoText => tr.err_pdf_no_text.to_string(),
            ReadError::UndecodableText => tr.err_pdf_undecodable.to_string(),
            ReadError::SaveAsDocx { detail } => fill(tr.err_save_as_docx, &[("detail", detail)]),
            ReadError::TooBig { detail } => fill(tr.err_too_big_document, &[("detail", detail)]),
        },
        LoadError::Unsupported { kind, .. } => fill(tr.err_unsupported, &[("kind", &kind.label())]),
        LoadError::Damaged { kind, detail, .. } => fill(
            tr.err_damaged,
            &[("kind", &kind.label()), ("detail", detail)],
        ),
        LoadError::TooLargeUnpacked { kind, .. } => fill(
            tr.err_too_large_unpacked,
            &[
                ("kind", &kind.label()),
                ("limit", &human_bytes(MAX_UNPACKED_BYTES)),
            ],
        ),
        LoadError::TooComplex { kind, .. } => fill(tr.err_too_complex, &[("kind", &kind.label())]),
        LoadError::TimedOut { kind, seconds, .. } => fill(
            tr.err_timed_out,
            &[("kind", &kind.label()), ("seconds", seconds)],
        ),
        LoadError::ReaderFailed { kind, .. } => {
            fill(tr.err_reader_failed, &[("kind", &kind.label())])
        }
    }
}

/// What was converted to read a document (see `Document::conversion`), in
/// one sentence, for a notice beside the text or on the command line.
pub fn describe_conversion(tr: &Strings, conversion: &Conversion) -> String {
    match conversion {
        Conversion::Decoded(
            encoding @ (TextEncoding::Utf16Le | TextEncoding::Utf16Be | TextEncoding::Utf8),
        ) => fill(tr.conv_decoded, &[("encoding", &encoding.name())]),
        Conversion::Decoded(encoding) => fill(tr.conv_legacy, &[("encoding", &encoding.name())]),
        Conversion::Mojibake { font, .. } => fill(tr.conv_mojibake, &[("font", &font.name())]),
    }
}

/// What a reader left out or reshaped, in one sentence.
pub fn describe_notice(tr: &Strings, notice: &Notice) -> String {
    match notice {
        Notice::TablesFlattened(n) => fill(tr.notice_tables_flattened, &[("n", n)]),
        Notice::HeadersFootersLeftOut => tr.notice_headers_footers.to_string(),
        Notice::NotesAtEnd(n) => fill(tr.notice_notes_at_end, &[("n", n)]),
        Notice::ImagesLeftOut(n) => fill(tr.notice_images, &[("n", n)]),
        Notice::PageChromeLeftOut => tr.notice_page_chrome.to_string(),
    }
}

/// Why a file of ours could not be read, in plain words: where it is damaged,
/// not what the parser expected.
pub fn describe_read_problem(tr: &Strings, problem: &crate::storage::ReadProblem) -> String {
    use crate::storage::ReadProblem;
    match problem {
        ReadProblem::Io { kind, message, .. } => match kind {
            std::io::ErrorKind::PermissionDenied => tr.file_permission_denied.to_string(),
            _ => fill(tr.file_disk_error, &[("error", message)]),
        },
        ReadProblem::NotUtf8 { .. } => tr.file_not_text.to_string(),
        ReadProblem::Syntax(e) => fill(
            tr.file_damaged_at,
            &[("line", &e.line), ("column", &e.column)],
        ),
    }
}

/// A problem in a question-set file, worded for a trainer.
pub fn describe_problem(tr: &Strings, kind: &ProblemKind) -> String {
    use ProblemKind as P;
    match kind {
        P::NotFound => tr.problem_not_found.to_string(),
        P::TooLarge => fill(
            tr.problem_too_large,
            &[("limit", &human_bytes(crate::quiz::MAX_SET_BYTES))],
        ),
        P::NotUtf8 => tr.problem_not_utf8.to_string(),
        P::EmptyFile => tr.problem_empty_file.to_string(),
        P::Io(message) => fill(tr.problem_io, &[("message", message)]),
        P::MissingComma => tr.problem_missing_comma.to_string(),
        P::UnexpectedEnd => tr.problem_unexpected_end.to_string(),
        P::UnclosedText => tr.problem_unclosed_text.to_string(),
        P::Syntax(detail) => fill(tr.problem_syntax, &[("detail", detail)]),
        P::MissingField(field) => fill(tr.problem_missing_field, &[("field", field)]),
        P::UnknownField { found, expected } => fill(
            tr.problem_unknown_field,
            &[("found", found), ("expected", &expected.join(", "))],
        ),
        P::UnknownQuestionType { found } => fill(
            tr.problem_unknown_type,
            &[
                ("found", found),
                (
                    "types",
                    &"SingleChoice, MultipleChoice, TrueFalse, FillBlank, Numeric, Ordering, Matching",
                ),
            ],
        ),
        P::DuplicateField(field) => fill(tr.problem_duplicate_field, &[("field", field)]),
        P::WrongValue { expected, found } => fill(
            tr.problem_wrong_value,
            &[("expected", expected), ("found", found)],
        ),
        P::UnsupportedFormat(version) => fill(
            tr.problem_unsupported_format,
            &[
                ("version", version),
                ("supported", &crate::quiz::FORMAT_VERSION),
            ],
        ),
        P::EmptyTitle => tr.problem_empty_title.to_string(),
        P::EmptyDocument => tr.problem_empty_document.to_string(),
        P::NoQuestions => tr.problem_no_questions.to_string(),
        P::EmptyId => tr.problem_empty_id.to_string(),
        P::DuplicateId(id) => fill(tr.problem_duplicate_id, &[("id", id)]),
        P::EmptyPrompt => tr.problem_empty_prompt.to_string(),
        P::EmptyQuote => tr.problem_empty_quote.to_string(),
        P::TooFewChoices => tr.problem_too_few_choices.to_string(),
        P::EmptyChoice => tr.problem_empty_choice.to_string(),
        P::DuplicateChoice(text) => fill(tr.problem_duplicate_choice, &[("text", text)]),
        P::ChoiceOutOfRange { index, count } => fill(
            tr.problem_choice_out_of_range,
            &[
                ("index", index),
                ("count", count),
                ("last", &count.saturating_sub(1)),
            ],
        ),
        P::NoRightChoice => tr.problem_no_right_choice.to_string(),
        P::BlankCountMismatch { markers, blanks } => fill(
            tr.problem_blank_mismatch,
            &[("markers", markers), ("blanks", blanks)],
        ),
        P::EmptyBlankAnswer => tr.problem_empty_blank.to_string(),
        P::BadTolerance => tr.problem_bad_tolerance.to_string(),
        P::TooFewItems { needed } => fill(tr.problem_too_few_items, &[("needed", needed)]),
        P::DuplicateItem(text) => fill(tr.problem_duplicate_item, &[("text", text)]),
    }
}

/// `file:line:col: message` (or `file: message` for the file as a whole),
/// the form editors and terminals understand.
pub fn format_problem(tr: &Strings, problem: &Problem) -> String {
    let message = describe_problem(tr, &problem.kind);
    if problem.line == 0 {
        format!("{}: {message}", problem.path.display())
    } else {
        format!(
            "{}:{}:{}: {message}",
            problem.path.display(),
            problem.line,
            problem.column
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    /// A cadre reads Vietnamese, not our jargon: no scheduler names,
    /// parameters or English field names on screen.
    #[test]
    fn vietnamese_messages_carry_no_jargon() {
        for (key, text) in Language::Vi.strings().entries() {
            // Placeholders are names for us, not words on screen.
            let shown: String = text
                .split('{')
                .map(|part| part.split_once('}').map_or(part, |(_, rest)| rest))
                .collect();
            for word in ["FSRS", "prompt", "tham số", "parameter", "anchor"] {
                assert!(
                    !shown.contains(word),
                    "{key}: “{text}” shows the jargon “{word}”"
                );
            }
        }
    }

    fn placeholders(s: &str) -> BTreeSet<String> {
        let mut out = BTreeSet::new();
        let mut rest = s;
        while let Some(open) = rest.find('{') {
            let Some(close) = rest[open..].find('}') else {
                break;
            };
            out.insert(rest[open + 1..open + close].to_string());
            rest = &rest[open + close + 1..];
        }
        out
    }

    #[test]
    fn both_languages_define_every_string_with_the_same_placeholders() {
        let vi = Language::Vi.strings().entries();
        let en = Language::En.strings().entries();
        assert_eq!(vi.len(), en.len());
        assert!(vi.len() > 40);
        for ((key, v), (key_en, e)) in vi.iter().zip(&en) {
            assert_eq!(key, key_en);
            assert!(!v.trim().is_empty(), "Vietnamese text for {key} is blank");
            assert!(!e.trim().is_empty(), "English text for {key} is blank");
            assert_eq!(
                placeholders(v),
                placeholders(e),
                "placeholders differ for {key}"
            );
            assert_eq!(
                crate::text::nfc(v),
                *v,
                "Vietnamese text for {key} is not NFC"
            );
        }
    }

    #[test]
    fn the_two_languages_really_differ() {
        let vi = Language::Vi.strings();
        let en = Language::En.strings();
        assert_eq!(vi.app_title, "Học tập Nghị quyết");
        let same = vi
            .entries()
            .iter()
            .zip(en.entries())
            .filter(|(a, b)| a.1 == b.1)
            .count();
        assert!(same <= 3, "{same} strings are not translated");
    }

    #[test]
    fn fill_replaces_named_placeholders() {
        assert_eq!(
            fill("{a} và {b}, {a}", &[("a", &1), ("b", &"hai")]),
            "1 và hai, 1"
        );
    }

    #[test]
    fn load_errors_read_as_sentences_with_their_details() {
        let tr = Language::Vi.strings();
        let msg = describe_load_error(
            tr,
            &LoadError::NotUtf8 {
                path: "x.txt".into(),
                line: 3,
                column: 7,
            },
        );
        assert!(msg.contains("dòng 3") && msg.contains("cột 7"), "{msg}");
        let msg = describe_load_error(
            Language::En.strings(),
            &LoadError::TooLarge {
                path: "x".into(),
                bytes: 40 * 1024 * 1024,
            },
        );
        assert!(msg.contains("40 MB") && msg.contains("32 MB"), "{msg}");
        let msg = describe_load_error(
            tr,
            &LoadError::Unsupported {
                path: "x.pdf".into(),
                kind: crate::document::readers::FileKind::Pdf,
            },
        );
        assert!(msg.contains(".pdf") && msg.contains(".docx"), "{msg}");
        let msg = describe_load_error(
            Language::En.strings(),
            &LoadError::TooLargeUnpacked {
                path: "x.docx".into(),
                kind: crate::document::readers::FileKind::Docx,
            },
        );
        assert!(msg.contains(".docx") && msg.contains("64 MB"), "{msg}");
        let msg = describe_notice(tr, &Notice::TablesFlattened(2));
        assert!(msg.contains('2'), "{msg}");
    }

    #[test]
    fn conversions_name_the_encoding_in_both_languages() {
        let tcvn3 = Conversion::Decoded(TextEncoding::Tcvn3);
        let vi = describe_conversion(Language::Vi.strings(), &tcvn3);
        assert!(vi.contains("TCVN3") && vi.contains("bảng mã cũ"), "{vi}");
        let utf16 = Conversion::Decoded(TextEncoding::Utf16Le);
        let en = describe_conversion(Language::En.strings(), &utf16);
        assert!(en.contains("UTF-16") && !en.contains("old"), "{en}");
        let moji = Conversion::Mojibake {
            container: TextEncoding::Utf8,
            font: TextEncoding::Vni,
        };
        let vi = describe_conversion(Language::Vi.strings(), &moji);
        assert!(vi.contains("VNI-Windows") && vi.contains("phông"), "{vi}");
    }
}
