//! Every command a user can give by keyboard, in one table: its label, its
//! shortcuts, and where it applies. Menus, buttons and tooltips show the
//! keys from here, so a changed binding changes what they say; a test
//! keeps two commands from sharing a key.
//!
//! Keys a screen reads as *answers* (1–4 and A–D in practice, the
//! presenter's keys for teams) are that screen's own and are listed in its
//! help; they never use Ctrl, and the table's commands always do, except
//! the function keys and Esc below.

use egui::{Key, KeyboardShortcut, ModifierNames, Modifiers};

use crate::i18n::{Strings, fill};
use crate::workspace::Screen;

/// Where a command's keys are listened for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    /// Everywhere in the window.
    Window,
    /// On the editor screen.
    Editor,
    /// On the training-session screen, before presenting.
    Session,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Command {
    Open,
    /// Opens the clipboard's text as a document.
    Paste,
    Quit,
    Find,
    SearchNext,
    SearchPrevious,
    /// Esc while a search is shown.
    ClearSearch,
    TextLarger,
    TextSmaller,
    TextReset,
    ToggleKeyPoints,
    Show(Screen),
    Save,
    Undo,
    Redo,
    Present,
}

const fn ctrl(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::COMMAND, key)
}

const fn plain(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::NONE, key)
}

const CTRL_SHIFT: Modifiers = Modifiers {
    alt: false,
    ctrl: false,
    shift: true,
    mac_cmd: false,
    command: true,
};

impl Command {
    /// Every command, in the order the table is read.
    pub const ALL: [Command; 21] = [
        Command::Open,
        Command::Paste,
        Command::Quit,
        Command::Find,
        Command::SearchNext,
        Command::SearchPrevious,
        Command::ClearSearch,
        Command::TextLarger,
        Command::TextSmaller,
        Command::TextReset,
        Command::ToggleKeyPoints,
        Command::Show(Screen::Reader),
        Command::Show(Screen::Practice),
        Command::Show(Screen::Progress),
        Command::Show(Screen::Session),
        Command::Show(Screen::Exam),
        Command::Show(Screen::Editor),
        Command::Save,
        Command::Undo,
        Command::Redo,
        Command::Present,
    ];

    /// Its keys; the first is the one shown.
    pub fn shortcuts(self) -> &'static [KeyboardShortcut] {
        match self {
            Command::Open => const { &[ctrl(Key::O)] },
            // Arrives as pasted text, not as a key (see `App::shortcuts`).
            Command::Paste => const { &[ctrl(Key::V)] },
            Command::Quit => const { &[ctrl(Key::Q)] },
            Command::Find => const { &[ctrl(Key::F)] },
            Command::SearchNext => const { &[plain(Key::F3)] },
            Command::SearchPrevious => {
                const { &[KeyboardShortcut::new(Modifiers::SHIFT, Key::F3)] }
            }
            Command::ClearSearch => const { &[plain(Key::Escape)] },
            // Ctrl = is Ctrl + without Shift on most keyboards.
            Command::TextLarger => const { &[ctrl(Key::Plus), ctrl(Key::Equals)] },
            Command::TextSmaller => const { &[ctrl(Key::Minus)] },
            Command::TextReset => const { &[ctrl(Key::Num0)] },
            Command::ToggleKeyPoints => const { &[ctrl(Key::K)] },
            Command::Show(screen) => match screen {
                Screen::Reader => const { &[ctrl(Key::Num1)] },
                Screen::Practice => const { &[ctrl(Key::Num2)] },
                Screen::Progress => const { &[ctrl(Key::Num3)] },
                Screen::Session => const { &[ctrl(Key::Num4)] },
                Screen::Exam => const { &[ctrl(Key::Num5)] },
                Screen::Editor => const { &[ctrl(Key::Num6)] },
            },
            Command::Save => const { &[ctrl(Key::S)] },
            Command::Undo => const { &[ctrl(Key::Z)] },
            Command::Redo => const { &[KeyboardShortcut::new(CTRL_SHIFT, Key::Z), ctrl(Key::Y)] },
            // As in presentation programs.
            Command::Present => const { &[plain(Key::F5)] },
        }
    }

    pub fn scope(self) -> Scope {
        match self {
            Command::Save | Command::Undo | Command::Redo => Scope::Editor,
            Command::Present => Scope::Session,
            _ => Scope::Window,
        }
    }

    /// What a menu entry or button says.
    pub fn label(self, tr: &Strings) -> &'static str {
        match self {
            Command::Open => tr.menu_open,
            Command::Paste => tr.menu_paste,
            Command::Quit => tr.menu_quit,
            Command::Find => tr.search_hint,
            Command::SearchNext => tr.search_next,
            Command::SearchPrevious => tr.search_prev,
            Command::ClearSearch => tr.search_clear,
            Command::TextLarger => tr.text_larger,
            Command::TextSmaller => tr.text_smaller,
            Command::TextReset => tr.text_reset,
            Command::ToggleKeyPoints => tr.kp_button,
            Command::Show(screen) => screen.label(tr),
            Command::Save => tr.editor_save,
            Command::Undo => tr.editor_undo,
            Command::Redo => tr.editor_redo,
            Command::Present => tr.session_start,
        }
    }

    /// The keys shown for it: "Ctrl+O", "Ctrl −", "F5".
    pub fn keys(self) -> String {
        self.shortcuts().first().map_or_else(String::new, keys_text)
    }

    /// The label with its keys: "Mở… (Ctrl+O)".
    pub fn with_keys(self, tr: &Strings) -> String {
        format!("{} ({})", self.label(tr), self.keys())
    }

    /// A sentence with a `{keys}` place (a tooltip), filled with its keys.
    pub fn explain(self, sentence: &str) -> String {
        fill(sentence, &[("keys", &self.keys())])
    }

    /// Whether one of its keys was pressed (the press is used up).
    pub fn pressed(self, input: &mut egui::InputState) -> bool {
        self.shortcuts().iter().any(|s| input.consume_shortcut(s))
    }

    /// The commands of `scope` whose keys were pressed this frame. Keys
    /// with more modifiers are looked at first: Ctrl+Shift+Z is Redo, not
    /// Undo with Shift held.
    /// Commands `enabled` refuses are left alone, their keys unused.
    pub fn pressed_in(
        scope: Scope,
        input: &mut egui::InputState,
        enabled: impl Fn(Command) -> bool,
    ) -> Vec<Command> {
        let mut bindings: Vec<(KeyboardShortcut, Command)> = Command::ALL
            .into_iter()
            .filter(|&c| c.scope() == scope && enabled(c))
            .flat_map(|c| c.shortcuts().iter().map(move |s| (*s, c)))
            .collect();
        bindings.sort_by_key(|(s, _)| std::cmp::Reverse(modifier_count(s.modifiers)));
        let mut pressed = Vec::new();
        for (shortcut, command) in bindings {
            if !pressed.contains(&command) && input.consume_shortcut(&shortcut) {
                pressed.push(command);
            }
        }
        pressed
    }
}

fn modifier_count(m: Modifiers) -> usize {
    [m.alt, m.ctrl || m.command || m.mac_cmd, m.shift]
        .into_iter()
        .filter(|&b| b)
        .count()
}

/// "Ctrl+O": modifiers by name, the key by its symbol where it has one
/// ("Ctrl +", "Ctrl −" with a space, as keyboards and our users write them).
pub fn keys_text(shortcut: &KeyboardShortcut) -> String {
    let symbol = matches!(shortcut.logical_key, Key::Plus | Key::Minus | Key::Equals);
    let names = ModifierNames {
        is_short: true,
        concat: if symbol { " " } else { "+" },
        ..ModifierNames::NAMES
    };
    let is_mac = cfg!(target_os = "macos");
    shortcut.format(&names, is_mac)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_two_commands_share_a_key() {
        let mut seen: Vec<(KeyboardShortcut, Command)> = Vec::new();
        for command in Command::ALL {
            for &shortcut in command.shortcuts() {
                // A window-wide key would be taken before a screen's.
                let clash = seen.iter().find(|(s, c)| {
                    *s == shortcut
                        && (c.scope() == command.scope()
                            || c.scope() == Scope::Window
                            || command.scope() == Scope::Window)
                });
                assert!(
                    clash.is_none(),
                    "{command:?} and {:?} share {}",
                    clash.unwrap().1,
                    keys_text(&shortcut)
                );
                seen.push((shortcut, command));
            }
        }
    }

    #[test]
    fn every_command_has_a_key_and_a_label_in_every_language() {
        for command in Command::ALL {
            assert!(!command.shortcuts().is_empty(), "{command:?}");
            for language in crate::i18n::Language::ALL {
                let label = command.label(language.strings());
                assert!(!label.trim().is_empty(), "{command:?} {language:?}");
                // The keys come from the table, not from the words.
                assert!(!label.contains("Ctrl"), "{command:?}: {label}");
            }
        }
        assert_eq!(Command::ALL.len(), 15 + Screen::ALL.len());
    }

    #[test]
    fn keys_are_shown_as_people_read_them() {
        assert_eq!(Command::Open.keys(), "Ctrl+O");
        assert_eq!(Command::TextSmaller.keys(), "Ctrl −");
        assert_eq!(Command::TextLarger.keys(), "Ctrl +");
        assert_eq!(Command::Redo.keys(), "Ctrl+Shift+Z");
        assert_eq!(Command::Present.keys(), "F5");
        assert_eq!(Command::Show(Screen::Exam).keys(), "Ctrl+5");
    }

    #[test]
    fn tooltips_with_a_place_for_keys_get_them() {
        for language in crate::i18n::Language::ALL {
            let tr = language.strings();
            for (command, sentence) in [
                (Command::Open, tr.open_tooltip),
                (Command::ToggleKeyPoints, tr.kp_tooltip),
                (Command::Find, tr.search_tooltip),
            ] {
                assert!(sentence.contains("{keys}"), "{language:?}: {sentence}");
                let filled = command.explain(sentence);
                assert!(filled.contains(&command.keys()), "{filled}");
                assert!(!filled.contains('{'), "{filled}");
            }
        }
    }

    /// The keys pressed: `key` with `held`, then what the table makes of it.
    fn press(scope: Scope, held: Modifiers, key: Key) -> Vec<Command> {
        let mut input = egui::InputState::default();
        input.modifiers = held;
        input.events.push(egui::Event::Key {
            key,
            physical_key: None,
            pressed: true,
            repeat: false,
            modifiers: held,
        });
        Command::pressed_in(scope, &mut input, |_| true)
    }

    #[test]
    fn the_most_specific_binding_wins() {
        let ctrl = Modifiers {
            ctrl: true,
            command: true,
            ..Modifiers::NONE
        };
        let ctrl_shift = Modifiers {
            shift: true,
            ..ctrl
        };
        assert_eq!(press(Scope::Editor, ctrl_shift, Key::Z), [Command::Redo]);
        assert_eq!(press(Scope::Editor, ctrl, Key::Z), [Command::Undo]);
        assert_eq!(press(Scope::Editor, ctrl, Key::Y), [Command::Redo]);
        assert_eq!(
            press(Scope::Window, Modifiers::SHIFT, Key::F3),
            [Command::SearchPrevious]
        );
        assert_eq!(
            press(Scope::Window, Modifiers::NONE, Key::F3),
            [Command::SearchNext]
        );
        assert_eq!(
            press(Scope::Window, ctrl, Key::Equals),
            [Command::TextLarger]
        );
        // An editor key does nothing in the window's scope.
        assert_eq!(press(Scope::Window, ctrl, Key::S), []);
    }

    #[test]
    fn a_refused_command_leaves_its_key_to_the_screen() {
        let mut input = egui::InputState::default();
        input.events.push(egui::Event::Key {
            key: Key::Escape,
            physical_key: None,
            pressed: true,
            repeat: false,
            modifiers: Modifiers::NONE,
        });
        let pressed = Command::pressed_in(Scope::Window, &mut input, |c| c != Command::ClearSearch);
        assert!(pressed.is_empty());
        assert!(
            input.key_pressed(Key::Escape),
            "Esc still there for the screen"
        );
    }
}
