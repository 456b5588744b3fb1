//! The reader: the document as a comfortable long-form column.
//!
//! Long documents stay smooth because only the visible rows are laid out.
//! Each row (row 0 is the title block, row `i + 1` is block `i`) has a height
//! that is measured when the row is first laid out and estimated until then;
//! a few unmeasured rows are measured each frame in the background, so the
//! scroll bar settles quickly without ever laying out a 5 MB text at once.

use std::ops::Range;
use std::sync::Arc;

use egui::text::{CCursor, LayoutJob, TextFormat};
use egui::{Align2, Color32, FontFamily, FontId, Galley, Key, Pos2, Rect, Sense, Stroke, Vec2};

use super::fonts;
use crate::document::{Block, BlockKind, Document};
use crate::i18n::fill;
use crate::search::Hit;

/// Where the reader should scroll to on the next frame.
#[derive(Clone, Debug, PartialEq)]
pub enum ScrollTarget {
    /// A byte position in a block: shown a third of the way down the view.
    Text { block: usize, byte: usize },
    /// An absolute scroll offset.
    Offset(f32),
}

/// What the reader needs to draw one frame.
pub struct ReaderInput<'a> {
    pub doc: &'a Document,
    /// Search hits, in reading order.
    pub hits: &'a [Hit],
    pub current_hit: Option<usize>,
    /// Language, text size, colours.
    pub look: super::look::Look,
    pub show_numbers: bool,
}

/// The geometry that row heights depend on; when it changes, every row is
/// measured again.
#[derive(Clone, Copy, Debug, PartialEq)]
struct LayoutKey {
    text_width: f32,
    text_size: f32,
    show_numbers: bool,
}

#[derive(Default)]
pub struct Reader {
    heights: Vec<f32>,
    measured: Vec<bool>,
    unmeasured: usize,
    key: Option<LayoutKey>,
    scroll_to: Option<ScrollTarget>,
    offset: f32,
    viewport_height: f32,
    /// A passage to mark (a question's source): block and byte range.
    focus: Option<(usize, Range<usize>)>,
}

/// How long the background measuring may take per frame, in seconds.
const MEASURE_BUDGET: f64 = 0.0015;

impl Reader {
    pub fn new() -> Self {
        Self::default()
    }

    /// Forgets all measurements: call when the document changes.
    pub fn reset(&mut self) {
        *self = Self::default();
    }

    pub fn scroll_to(&mut self, target: ScrollTarget) {
        self.scroll_to = Some(target);
    }

    /// Marks a passage and scrolls to it.
    pub fn show_passage(&mut self, block: usize, range: Range<usize>) {
        self.scroll_to = Some(ScrollTarget::Text {
            block,
            byte: range.start,
        });
        self.focus = Some((block, range));
    }

    pub fn focus(&self) -> Option<&(usize, Range<usize>)> {
        self.focus.as_ref()
    }

    pub fn ui(&mut self, ui: &mut egui::Ui, input: &ReaderInput<'_>) {
        let geometry = Geometry::new(ui.available_width(), input);
        self.prepare(&geometry, input.doc.blocks.len());
        self.handle_scroll_keys(ui);

        let mut area = egui::ScrollArea::vertical()
            .id_salt("reader")
            .auto_shrink([false, false]);
        if let Some(target) = self.scroll_to.take() {
            let y = self.target_offset(ui, &geometry, input, &target);
            area = area.vertical_scroll_offset(y);
        }
        let output = area.show_viewport(ui, |ui, viewport| {
            self.show_rows(ui, viewport, &geometry, input)
        });
        self.offset = output.state.clamped_offset().y;
        self.viewport_height = output.inner_rect.height();
        self.measure_in_background(ui, &geometry, input);
    }

    fn prepare(&mut self, geometry: &Geometry, blocks: usize) {
        let rows = blocks + 1;
        if self.key != Some(geometry.key) || self.heights.len() != rows {
            if self.heights.len() != rows {
                self.heights = vec![0.0; rows];
            }
            self.measured = vec![false; rows];
            self.unmeasured = rows;
            self.key = Some(geometry.key);
        }
    }

    /// Keyboard scrolling when no text field has the focus.
    fn handle_scroll_keys(&mut self, ui: &egui::Ui) {
        let ctx = ui.ctx();
        if ctx.text_edit_focused() || self.scroll_to.is_some() {
            return;
        }
        // Space and the arrows belong to a focused button (click, move focus).
        let nothing_focused = ctx.memory(|m| m.focused().is_none());
        let page = (self.viewport_height * 0.85).max(100.0);
        let line = ui.text_style_height(&egui::TextStyle::Body) * 2.0;
        let total: f32 = self.heights.iter().sum();
        let delta = ui.input(|i| {
            if i.modifiers.any() && !i.modifiers.shift_only() {
                return None;
            }
            let space = nothing_focused && i.key_pressed(Key::Space);
            if i.key_pressed(Key::PageDown) || (space && !i.modifiers.shift) {
                Some(page)
            } else if i.key_pressed(Key::PageUp) || (space && i.modifiers.shift) {
                Some(-page)
            } else if nothing_focused && i.key_pressed(Key::ArrowDown) {
                Some(line)
            } else if nothing_focused && i.key_pressed(Key::ArrowUp) {
                Some(-line)
            } else if i.key_pressed(Key::Home) {
                Some(f32::NEG_INFINITY)
            } else if i.key_pressed(Key::End) {
                Some(f32::INFINITY)
            } else {
                None
            }
        });
        if let Some(d) = delta {
            let max = (total - self.viewport_height).max(0.0);
            self.scroll_to = Some(ScrollTarget::Offset((self.offset + d).clamp(0.0, max)));
        }
    }

    fn row_height(
        &mut self,
        ui: &egui::Ui,
        geometry: &Geometry,
        input: &ReaderInput<'_>,
        row: usize,
    ) -> f32 {
        if !self.measured[row] {
            let height = layout_row(ui, geometry, input, row, &[]).height;
            self.record(row, height);
        }
        self.heights[row]
    }

    fn record(&mut self, row: usize, height: f32) {
        self.heights[row] = height;
        if !self.measured[row] {
            self.measured[row] = true;
            self.unmeasured -= 1;
        }
    }

    fn estimate(&self, geometry: &Geometry, doc: &Document, row: usize) -> f32 {
        if row == 0 {
            return geometry.text_size * 6.0;
        }
        let block = &doc.blocks[row - 1];
        let chars = block.text.chars().count() as f32;
        let scale = geometry.scale(block.kind);
        let per_line = (geometry.text_width / (geometry.text_size * scale * 0.5)).max(1.0);
        (chars / per_line).ceil().max(1.0) * geometry.line_height(block.kind)
            + geometry.gap(block.kind)
    }

    fn height_or_estimate(&self, geometry: &Geometry, doc: &Document, row: usize) -> f32 {
        if self.measured[row] {
            self.heights[row]
        } else {
            self.estimate(geometry, doc, row)
        }
    }

    fn target_offset(
        &mut self,
        ui: &egui::Ui,
        geometry: &Geometry,
        input: &ReaderInput<'_>,
        target: &ScrollTarget,
    ) -> f32 {
        match *target {
            ScrollTarget::Offset(y) => y,
            ScrollTarget::Text { block, byte } => {
                let row = block + 1;
                let top: f32 = (0..row)
                    .map(|r| self.height_or_estimate(geometry, input.doc, r))
                    .sum();
                self.row_height(ui, geometry, input, row);
                let laid = layout_row(ui, geometry, input, row, &[]);
                let text = &input.doc.blocks[block].text;
                let chars = text[..byte.min(text.len())].chars().count();
                let within = laid.main.pos_from_cursor(CCursor::new(chars)).min.y;
                let view = self.viewport_height.max(300.0);
                // Show the paragraph from its start when the target is then
                // still well in view; otherwise put the target a third down.
                let y = if within < view * 0.6 {
                    top - geometry.text_size
                } else {
                    top + within - view * 0.3
                };
                y.max(0.0)
            }
        }
    }

    fn show_rows(
        &mut self,
        ui: &mut egui::Ui,
        viewport: Rect,
        geometry: &Geometry,
        input: &ReaderInput<'_>,
    ) {
        let origin = ui.min_rect().min;
        let full_width = ui.available_width();
        let column_left = origin.x + ((full_width - geometry.column_width) / 2.0).max(0.0);
        let rows = self.heights.len();

        let mut top = 0.0;
        let mut row = 0;
        while row < rows {
            let h = self.height_or_estimate(geometry, input.doc, row);
            if top + h > viewport.min.y {
                break;
            }
            top += h;
            row += 1;
        }
        while row < rows && top < viewport.max.y {
            let highlights = row_highlights(input, self.focus.as_ref(), row);
            let laid = layout_row(ui, geometry, input, row, &highlights);
            let rect = Rect::from_min_size(
                Pos2::new(column_left, origin.y + top),
                Vec2::new(geometry.column_width, laid.height),
            );
            let focused = row > 0 && self.focus.as_ref().is_some_and(|(b, _)| *b == row - 1);
            paint_row(ui, rect, geometry, input, row, &laid, focused);
            self.record(row, laid.height);
            top += laid.height;
            row += 1;
        }
        let rest: f32 = (row..rows)
            .map(|r| self.height_or_estimate(geometry, input.doc, r))
            .sum();
        let total = top + rest;
        ui.allocate_rect(
            Rect::from_min_size(origin, Vec2::new(full_width, total)),
            Sense::hover(),
        );
    }

    fn measure_in_background(
        &mut self,
        ui: &egui::Ui,
        geometry: &Geometry,
        input: &ReaderInput<'_>,
    ) {
        if self.unmeasured == 0 {
            return;
        }
        let start = std::time::Instant::now();
        for row in 0..self.heights.len() {
            if self.unmeasured == 0 || start.elapsed().as_secs_f64() > MEASURE_BUDGET {
                break;
            }
            if !self.measured[row] {
                self.row_height(ui, geometry, input, row);
            }
        }
        if self.unmeasured > 0 {
            ui.ctx().request_repaint();
        }
    }
}

/// Sizes derived from the window width and the text size.
struct Geometry {
    key: LayoutKey,
    text_size: f32,
    column_width: f32,
    margin: f32,
    text_width: f32,
}

impl Geometry {
    fn new(available: f32, input: &ReaderInput<'_>) -> Self {
        let text_size = input.look.text_size;
        let margin = if input.show_numbers {
            text_size * 2.6
        } else {
            text_size * 0.8
        };
        // About 70 characters a line: comfortable for long reading.
        let column_width = (text_size * 34.0 + margin)
            .min(available - text_size)
            .max(160.0);
        let text_width = (column_width - margin).max(80.0);
        Self {
            key: LayoutKey {
                text_width: text_width.round(),
                text_size,
                show_numbers: input.show_numbers,
            },
            text_size,
            column_width,
            margin,
            text_width,
        }
    }

    fn scale(&self, kind: BlockKind) -> f32 {
        match kind {
            BlockKind::Heading(1) => 1.4,
            BlockKind::Heading(2) => 1.25,
            BlockKind::Heading(_) => 1.1,
            BlockKind::Caption => 0.88,
            BlockKind::Paragraph | BlockKind::ListItem => 1.0,
        }
    }

    fn line_height(&self, kind: BlockKind) -> f32 {
        self.text_size * self.scale(kind) * 1.6
    }

    /// Space below a block.
    fn gap(&self, kind: BlockKind) -> f32 {
        match kind {
            BlockKind::Heading(_) => self.text_size * 0.6,
            BlockKind::ListItem => self.text_size * 0.5,
            _ => self.text_size * 1.0,
        }
    }

    /// Indent of the text within the text column (list bullets, caption bar).
    fn indent(&self, kind: BlockKind) -> f32 {
        match kind {
            BlockKind::ListItem => self.text_size * 1.3,
            BlockKind::Caption => self.text_size * 0.9,
            _ => 0.0,
        }
    }
}

struct LaidRow {
    main: Arc<Galley>,
    /// The date and byline under the title (row 0 only).
    meta: Option<Arc<Galley>>,
    height: f32,
}

#[derive(Clone, Copy, PartialEq)]
enum Mark {
    Hit,
    CurrentHit,
    Focus,
}

/// The focused passage and search hits inside one row, in byte order; a hit
/// inside the focused passage splits it.
fn row_highlights(
    input: &ReaderInput<'_>,
    focus: Option<&(usize, Range<usize>)>,
    row: usize,
) -> Vec<(Range<usize>, Mark)> {
    if row == 0 {
        return Vec::new();
    }
    let block = row - 1;
    let first = input.hits.partition_point(|h| h.block < block);
    let mut marks: Vec<(Range<usize>, Mark)> = input.hits[first..]
        .iter()
        .take_while(|h| h.block == block)
        .enumerate()
        .map(|(i, h)| {
            let mark = if input.current_hit == Some(first + i) {
                Mark::CurrentHit
            } else {
                Mark::Hit
            };
            (h.range.clone(), mark)
        })
        .collect();
    if let Some((_, range)) = focus.filter(|(b, _)| *b == block) {
        let mut pieces = Vec::new();
        let mut at = range.start;
        for (hit, _) in marks
            .iter()
            .filter(|(h, _)| h.start >= range.start && h.end <= range.end)
        {
            if hit.start > at {
                pieces.push((at..hit.start, Mark::Focus));
            }
            at = hit.end;
        }
        if at < range.end {
            pieces.push((at..range.end, Mark::Focus));
        }
        // Hits that overlap the passage's edges give way to the passage.
        marks.retain(|(h, _)| {
            h.end <= range.start
                || h.start >= range.end
                || (h.start >= range.start && h.end <= range.end)
        });
        marks.extend(pieces);
    }
    marks.sort_by_key(|(r, _)| r.start);
    marks
}

fn block_format(geometry: &Geometry, input: &ReaderInput<'_>, kind: BlockKind) -> TextFormat {
    let family = match kind {
        BlockKind::Heading(_) => fonts::bold(),
        BlockKind::Caption => fonts::italic(),
        _ => FontFamily::Proportional,
    };
    let color = if kind == BlockKind::Caption {
        input.look.palette.muted
    } else {
        input.look.palette.text
    };
    TextFormat {
        font_id: FontId::new(geometry.text_size * geometry.scale(kind), family),
        line_height: Some(geometry.line_height(kind)),
        color,
        ..Default::default()
    }
}

fn layout_row(
    ui: &egui::Ui,
    geometry: &Geometry,
    input: &ReaderInput<'_>,
    row: usize,
    highlights: &[(Range<usize>, Mark)],
) -> LaidRow {
    if row == 0 {
        return layout_header(ui, geometry, input);
    }
    let block: &Block = &input.doc.blocks[row - 1];
    let format = block_format(geometry, input, block.kind);
    let mut job = LayoutJob::default();
    let mut at = 0;
    for (range, mark) in highlights {
        if range.start < at || range.end > block.text.len() {
            continue;
        }
        job.append(&block.text[at..range.start], 0.0, format.clone());
        let background = match mark {
            Mark::Hit => input.look.palette.hit,
            Mark::CurrentHit => input.look.palette.current_hit,
            Mark::Focus => input.look.palette.focus,
        };
        let mut marked = format.clone();
        marked.background = background;
        if *mark == Mark::CurrentHit {
            marked.underline = Stroke::new(2.0, input.look.palette.text);
        }
        job.append(&block.text[range.clone()], 0.0, marked);
        at = range.end;
    }
    job.append(&block.text[at..], 0.0, format);
    job.wrap.max_width = geometry.text_width - geometry.indent(block.kind);
    let main = ui.fonts_mut(|f| f.layout_job(job));
    let height = main.size().y + geometry.gap(block.kind);
    LaidRow {
        main,
        meta: None,
        height,
    }
}

fn layout_header(ui: &egui::Ui, geometry: &Geometry, input: &ReaderInput<'_>) -> LaidRow {
    let size = geometry.text_size;
    let meta = &input.doc.meta;
    let mut title = LayoutJob::single_section(
        meta.title.clone(),
        TextFormat {
            font_id: FontId::new(size * 1.5, fonts::bold()),
            line_height: Some(size * 1.5 * 1.3),
            color: input.look.palette.text,
            ..Default::default()
        },
    );
    title.wrap.max_width = geometry.text_width;
    let main = ui.fonts_mut(|f| f.layout_job(title));
    let line: Vec<&str> = [meta.date.as_deref(), meta.byline.as_deref()]
        .into_iter()
        .flatten()
        .collect();
    let meta_galley = (!line.is_empty()).then(|| {
        let mut job = LayoutJob::single_section(
            line.join("  ·  "),
            TextFormat {
                font_id: FontId::new(size * 0.9, FontFamily::Proportional),
                color: input.look.palette.muted,
                ..Default::default()
            },
        );
        job.wrap.max_width = geometry.text_width;
        ui.fonts_mut(|f| f.layout_job(job))
    });
    let height = main.size().y
        + meta_galley
            .as_ref()
            .map_or(0.0, |g| g.size().y + size * 0.4)
        + size * 2.0;
    LaidRow {
        main,
        meta: meta_galley,
        height,
    }
}

fn paint_row(
    ui: &mut egui::Ui,
    rect: Rect,
    geometry: &Geometry,
    input: &ReaderInput<'_>,
    row: usize,
    laid: &LaidRow,
    focused: bool,
) {
    let text_left = rect.left() + geometry.margin;
    let palette = input.look.palette;
    if row == 0 {
        let title_rect = Rect::from_min_size(Pos2::new(text_left, rect.top()), laid.main.size());
        ui.put(
            title_rect,
            egui::Label::new(laid.main.clone()).selectable(true),
        );
        let mut y = title_rect.bottom() + geometry.text_size * 0.4;
        if let Some(meta) = &laid.meta {
            let meta_rect = Rect::from_min_size(Pos2::new(text_left, y), meta.size());
            ui.put(meta_rect, egui::Label::new(meta.clone()).selectable(true));
            y = meta_rect.bottom();
        }
        let rule_y = y + geometry.text_size * 0.8;
        ui.painter().hline(
            text_left..=text_left + geometry.text_width,
            rule_y,
            Stroke::new(1.5, palette.muted),
        );
        return;
    }
    let block = &input.doc.blocks[row - 1];
    let indent = geometry.indent(block.kind);
    let text_rect =
        Rect::from_min_size(Pos2::new(text_left + indent, rect.top()), laid.main.size());
    let first_line = geometry.line_height(block.kind) / 2.0;
    if focused {
        // A bar in the margin marks the passage a question sent the reader to.
        let bar = Rect::from_min_max(
            Pos2::new(rect.left(), rect.top()),
            Pos2::new(rect.left() + geometry.text_size * 0.25, text_rect.bottom()),
        );
        ui.painter().rect_filled(bar, 2.0, palette.right);
    }

    if input.show_numbers && matches!(block.kind, BlockKind::Paragraph | BlockKind::ListItem) {
        let number = block.anchor.number;
        let response = ui.interact(
            Rect::from_min_size(
                rect.min,
                Vec2::new(geometry.margin * 0.8, geometry.line_height(block.kind)),
            ),
            ui.scope_id().with(("paragraph-number", number)),
            Sense::hover(),
        );
        ui.painter().text(
            Pos2::new(rect.left() + geometry.margin * 0.6, rect.top() + first_line),
            Align2::RIGHT_CENTER,
            number.to_string(),
            FontId::new(geometry.text_size * 0.72, FontFamily::Proportional),
            palette.muted,
        );
        response.on_hover_text(fill(
            input.look.tr.paragraph_tooltip,
            &[("n", &number), ("anchor", &block.anchor)],
        ));
    }
    match block.kind {
        // A list item that carries its own number or mark ("1.", "a)", "–")
        // gets no bullet as well.
        BlockKind::ListItem if !has_own_marker(&block.text) => {
            ui.painter().circle_filled(
                Pos2::new(
                    text_left + geometry.text_size * 0.45,
                    rect.top() + first_line,
                ),
                geometry.text_size * 0.16,
                palette.text,
            );
        }
        BlockKind::Caption => {
            let bar = Rect::from_min_max(
                Pos2::new(text_left, rect.top() + geometry.text_size * 0.15),
                Pos2::new(text_left + geometry.text_size * 0.22, text_rect.bottom()),
            );
            ui.painter().rect_filled(bar, 2.0, palette.accent);
        }
        _ => {}
    }
    ui.put(
        text_rect,
        egui::Label::new(laid.main.clone()).selectable(true),
    );
}

/// Colour for the drop overlay, shared with the app shell.
pub fn overlay_color(dark: bool) -> Color32 {
    if dark {
        Color32::from_black_alpha(200)
    } else {
        Color32::from_white_alpha(220)
    }
}

/// Whether a list item's text starts with its own number or mark: "1.",
/// "12)", "a)", "đ.", "IV.", "-", "–", "•", "+".
fn has_own_marker(text: &str) -> bool {
    let text = text.trim_start();
    if text.starts_with(['-', '–', '—', '•', '+', '*', '◦', '▪']) {
        return true;
    }
    let head: String = text
        .chars()
        .take_while(|c| c.is_alphanumeric())
        .take(6)
        .collect();
    let rest = &text[head.len()..];
    let closes = rest.starts_with(['.', ')']);
    let numeral = !head.is_empty() && head.chars().all(|c| c.is_ascii_digit());
    let letter = head.chars().count() == 1 && head.chars().all(char::is_lowercase);
    let roman = !head.is_empty() && head.chars().all(|c| matches!(c, 'I' | 'V' | 'X' | 'L'));
    closes && (numeral || letter || roman)
}

#[cfg(test)]
mod marker_tests {
    use super::has_own_marker;

    #[test]
    fn numbered_and_marked_items_keep_their_own_mark() {
        for item in [
            "1. Thư viện",
            "12) Tủ sách",
            "a) Đọc sách",
            "đ. Viết",
            "IV. Mục tiêu",
            "- gạch",
            "– gạch",
            "• chấm",
        ] {
            assert!(has_own_marker(item), "{item}");
        }
        for item in ["Thư viện xã", "2030 là mốc", "Điều 1 nói", "A. Nguyễn là"] {
            assert!(!has_own_marker(item), "{item}");
        }
    }
}
