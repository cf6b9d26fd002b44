//! The HTML report's charts, drawn with plotters into SVG strings. Each
//! chart has axis labels and, when it draws more than one series, a legend
//! in a row above the plot (never over the data). Titles and one-line
//! readings are in the page around the chart.

use crate::i18n::tr;
use crate::policy::compensation::BandPosition;
use crate::report::{AgeBucket, Bin, CompensationCase, ParetoRow, Period, PeriodBucket, PeriodRow};
use anyhow::Result;
use plotters::coord::Shift;
use plotters::coord::ranged1d::SegmentedCoord;
use plotters::coord::types::RangedCoordusize;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// A chart in a two-column grid, and a full-width one.
pub const HALF: (u32, u32) = (520, 340);
pub const WIDE: (u32, u32) = (1040, 340);

const FONT: &str = "sans-serif";
/// plotters writes font-size = size / 1.24: 16 → 12.9 px.
const LABEL: u32 = 16;
const INK: RGBColor = RGBColor(0x33, 0x3d, 0x4a);
const GRID: RGBColor = RGBColor(0xe3, 0xe7, 0xed);
const BLUE_: RGBColor = RGBColor(0x2f, 0x6d, 0xb5);
const PALE: RGBColor = RGBColor(0xa9, 0xc1, 0xdc);
const ORANGE: RGBColor = RGBColor(0xe0, 0x8a, 0x2c);
const RED_: RGBColor = RGBColor(0xc4, 0x45, 0x36);
const GREEN_: RGBColor = RGBColor(0x3f, 0x9a, 0x5b);
const TEAL: RGBColor = RGBColor(0x2a, 0x8c, 0x8c);

type Area<'a> = DrawingArea<SVGBackend<'a>, Shift>;

/// The coordinates of every bar chart: one segment per bar, counts upward.
type Bars = Cartesian2d<SegmentedCoord<RangedCoordusize>, RangedCoordusize>;

/// The mesh the bar charts share: no vertical grid, one label under each
/// bar, counts on the left.
fn bar_mesh(
    chart: &mut ChartContext<'_, SVGBackend<'_>, Bars>,
    labels: &[String],
    x_desc: &str,
    y_desc: &str,
) -> Result<()> {
    let fmt = |v: &SegmentValue<usize>| match v {
        SegmentValue::CenterOf(i) => labels.get(*i).cloned().unwrap_or_default(),
        _ => String::new(),
    };
    chart
        .configure_mesh()
        .disable_x_mesh()
        .bold_line_style(GRID)
        .light_line_style(TRANSPARENT)
        .axis_style(INK.mix(0.5))
        .x_labels(labels.len())
        .y_labels(6)
        .x_label_formatter(&fmt)
        .y_label_formatter(&|v| format!("{v}"))
        .label_style(font(LABEL))
        .axis_desc_style(font(LABEL + 1))
        .x_desc(x_desc)
        .y_desc(y_desc)
        .draw()?;
    Ok(())
}

fn font(size: u32) -> TextStyle<'static> {
    (FONT, size).into_font().color(&INK)
}

/// plotters writes an `xmlns` URL into the root tag; inline SVG in HTML
/// needs none, and the page must hold no URL at all.
fn finish(svg: String) -> String {
    svg.replacen(" xmlns=\"http://www.w3.org/2000/svg\"", "", 1)
}

/// The end of segment `i` of `n` on a segmented axis over `0..=n-1`.
fn seg_end(i: usize, n: usize) -> SegmentValue<usize> {
    if i + 1 < n {
        SegmentValue::Exact(i + 1)
    } else {
        SegmentValue::Last
    }
}

/// A centred message instead of data.
fn empty(area: &Area, message: &str) -> Result<()> {
    let (w, h) = area.dim_in_pixel();
    area.draw(&Text::new(
        message.to_string(),
        (w as i32 / 2, h as i32 / 2),
        font(LABEL).pos(Pos::new(HPos::Center, VPos::Center)),
    ))?;
    Ok(())
}

/// A y-axis top with some headroom for the value labels.
fn nice_top(max: usize) -> usize {
    (max + max / 6 + 1).max(4)
}

/// Roughly how wide a label is drawn, in pixels.
fn text_width(text: &str, size: u32) -> i32 {
    (text.chars().count() as f64 * f64::from(size) / 1.24 * 0.52).ceil() as i32
}

/// A label shortened with an ellipsis to fit `px` pixels.
fn fit(text: &str, px: i32, size: u32) -> String {
    if text_width(text, size) <= px {
        return text.to_string();
    }
    let per = f64::from(size) / 1.24 * 0.52;
    let keep = ((f64::from(px) / per).floor() as usize)
        .saturating_sub(1)
        .max(3);
    let mut s: String = text.chars().take(keep).collect();
    s.push('…');
    s
}

#[derive(Clone, Copy)]
enum Mark {
    Bar(RGBColor),
    Line(RGBColor, u32),
    Dash(RGBColor),
    Dot(RGBColor),
    Zone(RGBColor),
}

/// The legend: one row above the plot, starting at its left edge.
fn legend_row(area: &Area, left: i32, items: &[(String, Mark)]) -> Result<()> {
    let y = 16;
    let mut x = left;
    for (label, mark) in items {
        match *mark {
            Mark::Bar(c) => {
                area.draw(&Rectangle::new([(x, y - 6), (x + 14, y + 6)], c.filled()))?
            }
            Mark::Zone(c) => area.draw(&Rectangle::new(
                [(x, y - 6), (x + 14, y + 6)],
                c.mix(0.25).filled(),
            ))?,
            Mark::Line(c, w) => {
                area.draw(&PathElement::new([(x, y), (x + 14, y)], c.stroke_width(w)))?
            }
            Mark::Dash(c) => {
                area.draw(&PathElement::new([(x, y), (x + 5, y)], c.stroke_width(2)))?;
                area.draw(&PathElement::new(
                    [(x + 9, y), (x + 14, y)],
                    c.stroke_width(2),
                ))?;
            }
            Mark::Dot(c) => area.draw(&Circle::new((x + 7, y), 5, c.filled()))?,
        }
        area.draw(&Text::new(
            label.clone(),
            (x + 20, y),
            font(LABEL).pos(Pos::new(HPos::Left, VPos::Center)),
        ))?;
        x += 20 + text_width(label, LABEL) + 22;
    }
    Ok(())
}

/// Splits a chart into a legend row and the plot.
fn with_legend<'a>(root: &Area<'a>) -> (Area<'a>, Area<'a>) {
    root.split_vertically(30)
}

fn value_labels<'a, DB, I>(
    chart: &mut ChartContext<
        'a,
        DB,
        Cartesian2d<SegmentedCoord<RangedCoordusize>, RangedCoordusize>,
    >,
    values: I,
) -> Result<()>
where
    DB: DrawingBackend + 'a,
    DB::ErrorType: 'static,
    I: IntoIterator<Item = (usize, usize)>,
{
    chart
        .draw_series(values.into_iter().filter(|(_, v)| *v > 0).map(|(i, v)| {
            Text::new(
                v.to_string(),
                (SegmentValue::CenterOf(i), v),
                font(14).pos(Pos::new(HPos::Center, VPos::Bottom)),
            )
        }))
        .map_err(|e| anyhow::anyhow!("drawing labels: {e}"))?;
    Ok(())
}

/// Cases per period, complaints and claims stacked.
pub fn volume(rows: &[PeriodRow], period_word: &str) -> Result<String> {
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, WIDE).into_drawing_area();
        root.fill(&WHITE)?;
        let n = rows.len();
        if n == 0 {
            empty(&root, &tr("chart-no-cases"))?;
        } else {
            let (top_row, body) = with_legend(&root);
            legend_row(
                &top_row,
                70,
                &[
                    (tr("chart-complaints"), Mark::Bar(BLUE_)),
                    (tr("chart-claims"), Mark::Bar(ORANGE)),
                ],
            )?;
            let top = nice_top(rows.iter().map(|r| r.cases).max().unwrap_or(0));
            let mut chart = ChartBuilder::on(&body)
                .margin(12)
                .margin_top(6)
                .x_label_area_size(50)
                .y_label_area_size(58)
                .build_cartesian_2d((0..n - 1).into_segmented(), 0..top)?;
            let slot = (WIDE.0 as i32 - 90) / n as i32;
            let labels: Vec<String> = rows
                .iter()
                .map(|r| fit(&r.period.to_string(), slot - 6, LABEL))
                .collect();
            bar_mesh(
                &mut chart,
                &labels,
                &received(period_word),
                &tr("chart-cases"),
            )?;
            let bars = |from: fn(&PeriodRow) -> usize, to: fn(&PeriodRow) -> usize, c: RGBColor| {
                rows.iter()
                    .enumerate()
                    .filter(move |(_, r)| to(r) > from(r))
                    .map(move |(i, r)| {
                        let mut b = Rectangle::new(
                            [(SegmentValue::Exact(i), from(r)), (seg_end(i, n), to(r))],
                            c.filled(),
                        );
                        b.set_margin(0, 0, 9, 9);
                        b
                    })
            };
            chart.draw_series(bars(|_| 0, |r| r.complaints, BLUE_))?;
            chart.draw_series(bars(|r| r.complaints, |r| r.cases, ORANGE))?;
            value_labels(&mut chart, rows.iter().map(|r| r.cases).enumerate())?;
        }
        root.present()?;
    }
    Ok(finish(svg))
}

/// Categories by descending count, the vital few darker, with the
/// cumulative share on a second axis and the 80 % line dashed.
pub fn pareto(rows: &[ParetoRow]) -> Result<String> {
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, WIDE).into_drawing_area();
        root.fill(&WHITE)?;
        let n = rows.len();
        if n == 0 {
            empty(&root, &tr("chart-no-cases"))?;
        } else {
            let (top_row, body) = with_legend(&root);
            legend_row(
                &top_row,
                70,
                &[
                    (tr("chart-vital-few"), Mark::Bar(BLUE_)),
                    (tr("chart-the-rest"), Mark::Bar(PALE)),
                    (tr("chart-cumulative-share"), Mark::Line(RED_, 2)),
                    ("80 %".into(), Mark::Dash(RED_)),
                ],
            )?;
            let top = nice_top(rows.iter().map(|r| r.cases).max().unwrap_or(0));
            let mut chart = ChartBuilder::on(&body)
                .margin(12)
                .margin_top(6)
                .x_label_area_size(50)
                .y_label_area_size(58)
                .right_y_label_area_size(66)
                .build_cartesian_2d((0..n - 1).into_segmented(), 0..top)?
                .set_secondary_coord((0..n - 1).into_segmented(), 0f64..105f64);
            let slot = (WIDE.0 as i32 - 160) / n as i32;
            let labels: Vec<String> = rows
                .iter()
                .map(|r| fit(&format!("{} ({})", r.category, r.cases), slot - 6, LABEL))
                .collect();
            bar_mesh(
                &mut chart,
                &labels,
                &tr("chart-pareto-axis"),
                &tr("chart-cases"),
            )?;
            chart
                .configure_secondary_axes()
                .axis_style(INK.mix(0.5))
                .y_labels(6)
                .y_label_formatter(&|v| format!("{v:.0} %"))
                .label_style(font(LABEL))
                .axis_desc_style(font(LABEL + 1))
                .y_desc(tr("chart-cumulative-share"))
                .draw()?;
            chart.draw_series(rows.iter().enumerate().map(|(i, r)| {
                let color = if r.vital_few { BLUE_ } else { PALE };
                let mut b = Rectangle::new(
                    [(SegmentValue::Exact(i), 0), (seg_end(i, n), r.cases)],
                    color.filled(),
                );
                b.set_margin(0, 0, 10, 10);
                b
            }))?;
            chart.draw_secondary_series(DashedLineSeries::new(
                [(SegmentValue::Exact(0), 80.0), (SegmentValue::Last, 80.0)],
                6,
                4,
                RED_.mix(0.6).stroke_width(1),
            ))?;
            let points: Vec<(SegmentValue<usize>, f64)> = rows
                .iter()
                .enumerate()
                .map(|(i, r)| (SegmentValue::CenterOf(i), r.cumulative_share * 100.0))
                .collect();
            chart.draw_secondary_series(LineSeries::new(points.clone(), RED_.stroke_width(2)))?;
            chart.draw_secondary_series(
                points.into_iter().map(|p| Circle::new(p, 3, RED_.filled())),
            )?;
        }
        root.present()?;
    }
    Ok(finish(svg))
}

/// A chart of counts, one bar per label, in the order given.
struct BarChart<'a> {
    labels: Vec<String>,
    counts: Vec<usize>,
    x_desc: &'a str,
    y_desc: &'a str,
    /// What the chart says when every count is zero.
    empty: &'a str,
    /// The colour of the i-th bar.
    colour: fn(usize) -> RGBColor,
    /// The space left on each side of a bar, in pixels.
    gap: u32,
}

fn bar_chart(bars: &BarChart) -> Result<String> {
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, HALF).into_drawing_area();
        root.fill(&WHITE)?;
        let n = bars.counts.len();
        if n == 0 || bars.counts.iter().sum::<usize>() == 0 {
            empty(&root, bars.empty)?;
        } else {
            let top = nice_top(bars.counts.iter().copied().max().unwrap_or(0));
            let mut chart = ChartBuilder::on(&root)
                .margin(12)
                .margin_top(16)
                .x_label_area_size(50)
                .y_label_area_size(52)
                .build_cartesian_2d((0..n - 1).into_segmented(), 0..top)?;
            bar_mesh(&mut chart, &bars.labels, bars.x_desc, bars.y_desc)?;
            // Plain rectangles in order: plotters' Histogram collects its
            // bars in a HashMap, so its SVG changed from run to run.
            chart.draw_series(bars.counts.iter().enumerate().map(|(i, &count)| {
                let mut r = Rectangle::new(
                    [(SegmentValue::Exact(i), 0), (seg_end(i, n), count)],
                    (bars.colour)(i).filled(),
                );
                r.set_margin(0, 0, bars.gap, bars.gap);
                r
            }))?;
            value_labels(&mut chart, bars.counts.iter().copied().enumerate())?;
        }
        root.present()?;
    }
    Ok(finish(svg))
}

/// The distribution of the first-cycle time to resolve.
pub fn resolve_histogram(bins: &[Bin]) -> Result<String> {
    let (x, y, none) = (
        tr("chart-days-to-decision"),
        tr("chart-cases"),
        tr("chart-none-resolved"),
    );
    bar_chart(&BarChart {
        // The unit is in the axis description: "< 1", "1–2", …, "≥ 30".
        labels: bins
            .iter()
            .map(|b| b.label.trim_end_matches(" d").to_string())
            .collect(),
        counts: bins.iter().map(|b| b.cases).collect(),
        x_desc: &x,
        y_desc: &y,
        empty: &none,
        colour: |_| TEAL,
        gap: 5,
    })
}

/// Compensation as a share of the harm, one point per case (harm on a log
/// scale), against the policy's default band, shaded. Point colours follow
/// each case's own band, which a rule may set elsewhere.
/// The compensation chart's legend: the band, then each position shown.
fn band_legend(points: &[(f64, f64, BandPosition)], lo: f64, hi: f64) -> Vec<(String, Mark)> {
    let band = crate::i18n::tr_args(
        "chart-default-band",
        &[
            ("low", format!("{lo:.0}").into()),
            ("high", format!("{hi:.0}").into()),
        ],
    );
    let mut items = vec![(band, Mark::Zone(GREEN_))];
    for (pos, color) in POSITIONS {
        if points.iter().any(|p| p.2 == pos) {
            items.push((
                super::position_word(crate::report::position_name(pos)),
                Mark::Dot(color),
            ));
        }
    }
    items
}

/// `harm (CAD, log scale)`, `préjudice ($, échelle logarithmique)`.
fn harm_axis(currency: &str) -> String {
    crate::i18n::tr_args(
        "chart-harm-axis",
        &[(
            "currency",
            crate::cli::render::fmt::currency_sign(currency)
                .to_string()
                .into(),
        )],
    )
}

pub fn compensation(
    cases: &[CompensationCase],
    band: (f64, f64),
    currency: &str,
) -> Result<String> {
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, HALF).into_drawing_area();
        root.fill(&WHITE)?;
        let points = scatter_points(cases);
        if points.is_empty() {
            empty(&root, &tr("chart-no-harm"))?;
        } else {
            let (top_row, body) = with_legend(&root);
            let (lo, hi) = (band.0 * 100.0, band.1 * 100.0);
            legend_row(&top_row, 64, &band_legend(&points, lo, hi))?;
            let min_x = points.iter().map(|p| p.0).fold(f64::MAX, f64::min) / 1.4;
            let max_x = points.iter().map(|p| p.0).fold(0.0, f64::max) * 1.4;
            let max_y = points.iter().map(|p| p.1).fold(hi.max(100.0), f64::max) * 1.12;
            let mut chart = ChartBuilder::on(&body)
                .margin(12)
                .margin_top(6)
                .x_label_area_size(50)
                .y_label_area_size(64)
                .build_cartesian_2d(
                    (min_x..max_x)
                        .log_scale()
                        .with_key_points(log_ticks(min_x, max_x)),
                    0f64..max_y,
                )?;
            chart
                .configure_mesh()
                .bold_line_style(GRID)
                .light_line_style(TRANSPARENT)
                .axis_style(INK.mix(0.5))
                .x_labels(8)
                .y_labels(6)
                .x_label_formatter(&|v| format!("{v:.0}"))
                .y_label_formatter(&|v| format!("{v:.0} %"))
                .label_style(font(LABEL))
                .axis_desc_style(font(LABEL + 1))
                .x_desc(scatter_caption(currency, &points))
                .y_desc(tr("chart-granted-over-harm"))
                .draw()?;
            chart.draw_series([Rectangle::new(
                [(min_x, lo), (max_x, hi)],
                GREEN_.mix(0.2).filled(),
            )])?;
            chart.draw_series(DashedLineSeries::new(
                [(min_x, 100.0), (max_x, 100.0)],
                5,
                4,
                INK.mix(0.35).stroke_width(1),
            ))?;
            let stride = scatter_stride(points.len());
            for (pos, color) in POSITIONS {
                chart.draw_series(
                    points
                        .iter()
                        .step_by(stride)
                        .filter(|p| p.2 == pos)
                        .map(|p| Circle::new((p.0, p.1), 5, color.mix(0.8).filled())),
                )?;
            }
        }
        root.present()?;
    }
    Ok(finish(svg))
}

/// The most points the compensation scatter draws: above, it draws one
/// case in `stride` (evenly, in case order) and says so under the chart, so
/// that a report of a large ledger stays small and quick to open.
const MAX_POINTS: usize = 3000;

/// Each case with a harm: (harm, granted share in %, band position).
fn scatter_points(cases: &[CompensationCase]) -> Vec<(f64, f64, BandPosition)> {
    cases
        .iter()
        .filter_map(|c| {
            rust_decimal::prelude::ToPrimitive::to_f64(&c.harm)
                .filter(|h| *h > 0.0)
                .map(|h| (h, c.share * 100.0, c.position))
        })
        .collect()
}

fn scatter_stride(n: usize) -> usize {
    n.div_ceil(MAX_POINTS).max(1)
}

fn scatter_caption<T>(currency: &str, points: &[T]) -> String {
    let stride = scatter_stride(points.len());
    if stride == 1 {
        harm_axis(currency)
    } else {
        let shown = points.len().div_ceil(stride);
        crate::i18n::tr_args(
            "chart-harm-axis-sampled",
            &[
                ("axis", harm_axis(currency).into()),
                ("shown", shown.to_string().into()),
                ("total", points.len().to_string().into()),
                ("stride", stride.to_string().into()),
            ],
        )
    }
}

/// The band positions in legend order, with their colour.
const POSITIONS: [(BandPosition, RGBColor); 3] = [
    (BandPosition::Within, GREEN_),
    (BandPosition::Below, RED_),
    (BandPosition::Above, ORANGE),
];

/// 1–2–5 ticks between two positive bounds.
fn log_ticks(lo: f64, hi: f64) -> Vec<f64> {
    let mut out = Vec::new();
    let mut decade = 10f64.powf(lo.max(1e-9).log10().floor());
    while decade <= hi && out.len() < 40 {
        for m in [1.0, 2.0, 5.0] {
            let t = decade * m;
            if t >= lo && t <= hi {
                out.push(t);
            }
        }
        decade *= 10.0;
    }
    out
}

/// Median and p90 time to resolve per period, in days.
pub fn timing(rows: &[PeriodRow], period_word: &str) -> Result<String> {
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, HALF).into_drawing_area();
        root.fill(&WHITE)?;
        let n = rows.len();
        let has = rows.iter().any(|r| r.median_hours_to_resolve.is_some());
        if n == 0 || !has {
            empty(&root, &tr("chart-none-resolved"))?;
        } else {
            let (top_row, body) = with_legend(&root);
            legend_row(
                &top_row,
                64,
                &[
                    (tr("chart-median"), Mark::Line(BLUE_, 3)),
                    (tr("chart-p90"), Mark::Line(PALE, 2)),
                ],
            )?;
            let max = rows
                .iter()
                .filter_map(|r| r.p90_hours_to_resolve)
                .fold(1.0, f64::max)
                / 24.0;
            let mut chart = ChartBuilder::on(&body)
                .margin(12)
                .margin_top(6)
                .x_label_area_size(50)
                .y_label_area_size(52)
                .build_cartesian_2d((0..n - 1).into_segmented(), 0f64..(max * 1.1).max(1.0))?;
            let labels: Vec<String> = rows.iter().map(|r| short_period(r.period)).collect();
            let widest = labels
                .iter()
                .map(|l| text_width(l, LABEL))
                .max()
                .unwrap_or(40);
            let fit_n = ((HALF.0 as i32 - 90) / (widest + 14)).max(2) as usize;
            let step = n.div_ceil(fit_n).max(1);
            let fmt = |v: &SegmentValue<usize>| match v {
                SegmentValue::CenterOf(i) if i % step == 0 => {
                    labels.get(*i).cloned().unwrap_or_default()
                }
                _ => String::new(),
            };
            chart
                .configure_mesh()
                .disable_x_mesh()
                .bold_line_style(GRID)
                .light_line_style(TRANSPARENT)
                .axis_style(INK.mix(0.5))
                .x_labels(n)
                .y_labels(6)
                .x_label_formatter(&fmt)
                .y_label_formatter(&|v| format!("{v:.0}"))
                .label_style(font(LABEL))
                .axis_desc_style(font(LABEL + 1))
                .x_desc(received(period_word))
                .y_desc(tr("chart-days-to-resolve"))
                .draw()?;
            type Get = fn(&PeriodRow) -> Option<f64>;
            let series: [(RGBColor, u32, Get); 2] = [
                (PALE, 2, |r| r.p90_hours_to_resolve),
                (BLUE_, 3, |r| r.median_hours_to_resolve),
            ];
            for (color, width, get) in series {
                let pts: Vec<(SegmentValue<usize>, f64)> = rows
                    .iter()
                    .enumerate()
                    .filter_map(|(i, r)| get(r).map(|h| (SegmentValue::CenterOf(i), h / 24.0)))
                    .collect();
                chart.draw_series(LineSeries::new(pts.clone(), color.stroke_width(width)))?;
                chart.draw_series(pts.into_iter().map(|p| Circle::new(p, 3, color.filled())))?;
            }
        }
        root.present()?;
    }
    Ok(finish(svg))
}

/// `month received`, `mois de réception`: the x axis of a chart by period.
fn received(period_word: &str) -> String {
    crate::i18n::tr_args(
        "chart-received",
        &[("period", period_word.to_string().into())],
    )
}

/// `2026-03` → `Mar 26`; quarters and years unchanged.
fn short_period(b: PeriodBucket) -> String {
    let month = (1..=12)
        .contains(&b.key.n)
        .then(|| crate::i18n::tr_args("chart-month", &[("n", i64::from(b.key.n).into())]));
    match (b.period, month) {
        (Period::Month, Some(m)) if (0..=9999).contains(&b.key.year) => {
            format!("{m} {:02}", b.key.year % 100)
        }
        _ => b.to_string(),
    }
}

/// Open cases by age.
pub fn ageing(buckets: &[AgeBucket]) -> Result<String> {
    const COLOURS: [RGBColor; 4] = [GREEN_, TEAL, ORANGE, RED_];
    let (x, y, none) = (
        tr("chart-days-since-receipt"),
        tr("chart-open-cases"),
        tr("chart-no-open-case"),
    );
    bar_chart(&BarChart {
        labels: buckets
            .iter()
            .map(|b| super::days_label(b.bucket).replace('-', "–"))
            .collect(),
        counts: buckets.iter().map(|b| b.cases).collect(),
        x_desc: &x,
        y_desc: &y,
        empty: &none,
        colour: |i| COLOURS[i.min(COLOURS.len() - 1)],
        gap: 22,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn month_labels_shorten() {
        let b = |year, n, period| PeriodBucket {
            key: crate::report::PeriodKey { year, n },
            period,
        };
        assert_eq!(short_period(b(2026, 3, Period::Month)), "Mar 26");
        assert_eq!(short_period(b(2006, 12, Period::Month)), "Dec 06");
        assert_eq!(short_period(b(2026, 1, Period::Quarter)), "2026-Q1");
        assert_eq!(short_period(b(2026, 1, Period::Year)), "2026");
    }

    #[test]
    fn long_labels_are_cut_to_fit() {
        assert_eq!(fit("delivery", 200, 16), "delivery");
        let cut = fit("a-very-long-category-name", 60, 16);
        assert!(cut.ends_with('…') && cut.chars().count() < 12, "{cut}");
    }

    #[test]
    fn large_scatters_are_sampled_and_say_so() {
        assert_eq!(scatter_stride(10), 1);
        assert_eq!(scatter_stride(3000), 1);
        assert_eq!(scatter_stride(3001), 2);
        assert_eq!(scatter_stride(100_000), 34);
        assert_eq!(scatter_caption("CAD", &[0; 10]), "harm (CAD, log scale)");
        let caption = scatter_caption("CAD", &vec![0; 100_000]);
        assert!(
            caption.contains("sampled: 2942 of 100000 cases shown, 1 in 34"),
            "{caption}"
        );
    }

    #[test]
    fn log_ticks_are_1_2_5() {
        assert_eq!(
            log_ticks(15.0, 1200.0),
            [20.0, 50.0, 100.0, 200.0, 500.0, 1000.0]
        );
    }

    #[test]
    fn charts_hold_no_url() {
        let svg = ageing(&[]).unwrap();
        assert!(svg.starts_with("<svg"), "{svg}");
        assert!(!svg.contains("http"));
    }
}
