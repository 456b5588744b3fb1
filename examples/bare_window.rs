//! A bare eframe window, built from the same eframe and egui (same features)
//! as the app: the yardstick `tools/startup.sh` measures the app's start
//! against. It shows one line of text, traces its start as the app does
//! (`NGHIQUYET_STARTUP_TRACE`, see `nghiquyet::trace`) and does nothing else.
//!
//! `cargo run --release --example bare_window`

fn main() -> eframe::Result {
    nghiquyet::trace::init();
    let viewport = egui::ViewportBuilder::default()
        .with_title("bare eframe window")
        .with_inner_size([1000.0, 660.0])
        .with_maximized(true);
    let options = eframe::NativeOptions {
        viewport,
        persist_window: false,
        ..Default::default()
    };
    nghiquyet::trace::mark("window options");
    eframe::run_native(
        "bare eframe window",
        options,
        Box::new(|_cc| {
            nghiquyet::trace::mark("window and OpenGL ready");
            Ok(Box::new(Bare))
        }),
    )
}

struct Bare;

impl eframe::App for Bare {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        if nghiquyet::trace::first_frame_shown(ctx.cumulative_frame_nr(), ctx.cumulative_pass_nr())
        {
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
        ui.heading("A bare eframe window");
        ui.label("Nothing but this text.");
        if ctx.cumulative_frame_nr() == 0 && nghiquyet::trace::on() {
            let [w, h] = ctx.fonts(|f| f.font_image_size());
            nghiquyet::trace::mark(&format!("first frame laid out (glyph atlas {w}x{h})"));
            ctx.request_repaint();
        }
    }
}
