/// The page's style sheet: a constant, because libxml2 writes `<style>` bodies raw and nothing
/// derived from the corpus may ever be placed there.
///
/// Dark slate type with one blue accent, both legible in greyscale; serif prose, sans-serif
/// tables and figures with tabular figures; A4 print rules keep figures and rows whole.
enum HTMLStyle {
  static let css = """

    :root {
      --ink: #1e293b; --muted: #5b6778; --faint: #a3adbb; --rule: #d9dee5; --wash: #f3f5f8;
      --accent: #1f4e79;
      --serif: Charter, "Bitstream Charter", "Iowan Old Style", Georgia, "Noto Serif", "DejaVu Serif", serif;
      --sans: "Source Sans 3", "Helvetica Neue", Arial, "Liberation Sans", "Noto Sans", "DejaVu Sans", sans-serif;
    }
    * { box-sizing: border-box; }
    html { background: #fff; color: var(--ink); }
    body { margin: 0 auto; max-width: 62rem; padding: 2.5rem 2rem 3rem; font: 16px/1.5 var(--serif); }
    h1, h2, h3, caption, figcaption, nav, table, dt, .kicker, footer { font-family: var(--sans); }
    .masthead { border-top: 6px solid var(--accent); padding-top: 1.25rem; margin-bottom: 1.5rem; }
    .kicker { margin: 0; font-size: 0.8rem; letter-spacing: 0.12em; text-transform: uppercase; color: var(--accent); font-weight: 600; }
    h1 { margin: 0.3rem 0 0.4rem; font-size: 2.1rem; line-height: 1.2; font-weight: 700; }
    h1 .corpus-path { font-family: var(--serif); font-weight: 400; font-style: italic; }
    .lede { margin: 0; font-size: 1.15rem; color: var(--muted); }
    nav { margin: 0 0 2rem; padding: 0.75rem 1rem; background: var(--wash); border-left: 3px solid var(--accent); font-size: 0.9rem; }
    nav ol { margin: 0; padding-left: 1.25rem; columns: 2; column-gap: 2rem; }
    nav a { color: var(--ink); text-decoration: none; }
    nav a:hover { text-decoration: underline; }
    section { margin: 0 0 2.75rem; }
    h2 { margin: 0 0 0.9rem; padding-bottom: 0.3rem; font-size: 1.4rem; font-weight: 650; border-bottom: 1px solid var(--ink); }
    h3 { margin: 1.5rem 0 0.25rem; font-size: 1.1rem; font-weight: 650; }
    p { margin: 0 0 0.8rem; }
    .note, .meta { color: var(--muted); font-size: 0.95rem; max-width: 46rem; }
    .figures { display: flex; flex-wrap: wrap; gap: 0.75rem; margin: 0 0 1.25rem; }
    .figure { flex: 1 1 9.5rem; padding: 0.7rem 0.9rem; background: var(--wash); border-top: 3px solid var(--accent); }
    .figure dt { font-size: 0.78rem; text-transform: uppercase; letter-spacing: 0.06em; color: var(--muted); }
    .figure dd { margin: 0.15rem 0 0; font: 600 1.6rem/1.2 var(--sans); font-variant-numeric: tabular-nums; white-space: nowrap; }
    .figure dd.detail { font-size: 0.85rem; font-weight: 400; color: var(--muted); white-space: normal; }
    .figures.six .figure, .figures.wide .figure { flex-basis: max(30%, 9.5rem); }
    @media (max-width: 55rem) { .figure { flex-basis: max(30%, 9.5rem); } }
    .facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 1.25rem; margin: 0; font-size: 0.95rem; }
    .facts dt { color: var(--muted); font-size: 0.85rem; padding-top: 0.1rem; }
    .facts dd { margin: 0; overflow-wrap: anywhere; }
    figure { margin: 0 0 1.25rem; }
    figcaption { font-size: 0.85rem; color: var(--muted); margin-top: 0.3rem; }
    svg.chart { display: block; max-width: 100%; height: auto; }
    svg.bar-chart { width: 100%; }
    svg text { font-family: var(--sans); font-size: 11px; fill: var(--muted); }
    svg .axis-label { font-size: 12px; fill: var(--ink); }
    svg .value { font-size: 11px; fill: var(--ink); font-weight: 600; }
    svg .axis { stroke: var(--ink); stroke-width: 1; }
    svg .gridline { stroke: var(--rule); stroke-width: 1; }
    svg .bar { fill: var(--accent); }
    svg .series { fill: none; stroke: var(--accent); stroke-width: 2; stroke-linejoin: round; }
    svg .dot { fill: var(--accent); }
    svg .dot.small-base { fill: #fff; stroke: var(--accent); stroke-width: 1.5; }
    svg .cell { fill: var(--accent); }
    svg .cell.empty { fill: none; stroke: var(--rule); }
    svg .cell.unlisted { fill: none; stroke: var(--faint); stroke-dasharray: 2 2; }
    svg .count { font-size: 10px; fill: var(--ink); }
    svg .count.on-dark { fill: #fff; }
    svg .label { font-size: 11.5px; fill: var(--ink); }
    svg .diagonal, svg .index { font-size: 10.5px; fill: var(--muted); font-weight: 600; }
    svg.matrix { margin: 0.5rem 0 0; }
    .multiples { display: grid; grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr)); gap: 1rem 1.5rem; }
    .multiples figure.panel { margin: 0; min-width: 0; }
    .multiples figcaption { margin: 0 0 0.1rem; font-size: 0.9rem; font-weight: 600; color: var(--ink); overflow-wrap: anywhere; }
    .multiples svg.chart { width: 100%; }
    .pair { display: grid; grid-template-columns: repeat(auto-fit, minmax(22rem, 1fr)); gap: 0 2rem; }
    .table-wrap { overflow-x: auto; margin: 0 0 1.25rem; }
    table { width: 100%; border-collapse: collapse; font-size: 0.85rem; font-variant-numeric: tabular-nums; }
    caption { caption-side: top; text-align: left; font-weight: 650; font-size: 0.95rem; padding: 0 0 0.4rem; color: var(--ink); }
    th, td { padding: 0.3rem 0.5rem; text-align: left; vertical-align: top; border-bottom: 1px solid var(--rule); }
    th { font-weight: 600; color: var(--muted); border-bottom: 2px solid var(--ink); white-space: nowrap; font-size: 0.8rem; }
    th:first-child, td:first-child { padding-left: 0; }
    th:last-child, td:last-child { padding-right: 0; }
    .num { text-align: right; white-space: nowrap; }
    .faint { color: var(--faint); }
    tbody tr:nth-child(even) td { background: #fafbfc; }
    table.terms td:nth-child(2), table.trend td:first-child { overflow-wrap: anywhere; min-width: 7em; }
    .aliases { margin: 0; padding: 0; list-style: none; }
    .aliases li { display: inline; }
    .aliases li + li::before { content: " · "; color: var(--faint); }
    .aliases .n { color: var(--muted); font-size: 0.8em; }
    .aliases .n::before { content: "("; }
    .aliases .n::after { content: ")"; }
    .amp { color: var(--muted); }
    table.rejected code { font-size: 0.9em; overflow-wrap: anywhere; }
    .note.more { font-style: italic; margin-top: -0.6rem; }
    .exports a { color: var(--accent); }
    table.per-year td:first-child, table.pairs td:first-child, table.organizations td:first-child { min-width: 9rem; }
    table.per-year td, table.per-year th { padding-left: 0.35rem; padding-right: 0.35rem; }
    table.evidence { font-family: var(--serif); font-variant-numeric: normal; }
    table.evidence th.label { width: 9rem; color: var(--ink); font-family: var(--sans); white-space: normal; overflow-wrap: anywhere; border-bottom: 1px solid var(--rule); }
    table.evidence th.label .detail { display: block; font-weight: 400; color: var(--muted); font-size: 0.9em; }
    table.evidence tbody { border-bottom: 1px solid var(--ink); }
    table.evidence td.line { padding-left: 0.5rem; line-height: 1.4; overflow-wrap: anywhere; }
    table.evidence .hit { font-weight: 700; color: var(--accent); }
    table.evidence td.source { width: 11rem; font-family: var(--sans); font-size: 0.9em; color: var(--muted); }
    table.evidence td.source span { display: block; overflow-wrap: anywhere; }
    table.evidence tbody tr:nth-child(even) td { background: none; }
    .print-only { display: none; }
    /* A group's other lines, behind its "more lines" while that is closed: where :has() is not
       known the disclosure is not shown, and every line is. */
    table.evidence details.more-lines { display: none; }
    @supports selector(:has(*)) {
      table.evidence details.more-lines { display: block; margin-top: 0.35rem; font-weight: 400; font-size: 0.85em; color: var(--accent); }
      table.evidence details.more-lines summary { cursor: pointer; }
      table.evidence tbody:has(details.more-lines:not([open])) tr + tr { display: none; }
    }
    footer { margin-top: 3rem; padding-top: 0.75rem; border-top: 1px solid var(--rule); font-size: 0.8rem; color: var(--muted); }
    @media (max-width: 40rem) {
      body { padding: 1.25rem 1rem 2rem; }
      nav ol { columns: 1; }
      h1 { font-size: 1.6rem; }
      .figure:first-child:nth-last-child(odd), .figures.wide .figure { flex-basis: 100%; }
      /* Evidence lines stacked: the term, then each line with its source under it; three
         columns left the line a column a few words wide. */
      table.evidence, table.evidence caption, table.evidence tbody, table.evidence tr, table.evidence th.label, table.evidence td { display: block; }
      table.evidence thead { display: none; }
      table.evidence th.label { width: auto; padding: 0.6rem 0 0.1rem; border-bottom: none; }
      table.evidence td.line { padding: 0.2rem 0 0; border-bottom: none; }
      table.evidence td.source { width: auto; padding: 0 0 0.4rem; }
    }
    @media print {
      @page { size: A4; margin: 15mm; }
      html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
      body { max-width: none; padding: 0; font-size: 10pt; }
      nav { display: none; }
      section { margin-bottom: 1.5rem; }
      h2, h3, caption { break-after: avoid; }
      figure, tr, .figure, .figures, .panel, table.evidence tbody { break-inside: avoid; }
      .print-only { display: inline; }
      table.evidence tbody tr + tr, table.evidence details.more-lines { display: none; }
      thead { display: table-header-group; break-after: avoid; }
      tbody:first-of-type tr:nth-child(-n+2), h2 + p { break-after: avoid; }
      h2 + p, caption { break-inside: avoid; }
      .figures { gap: 0.5rem; }
      .figure { flex: 1 1 0; padding: 0.5rem 0.6rem; }
      .figure dd { font-size: 1.15rem; }
      .pair { grid-template-columns: 1fr; }
      .multiples { grid-template-columns: repeat(3, 1fr); gap: 0.5rem 1.5rem; }
      .table-wrap { overflow: visible; }
      table { font-size: 8.5pt; }
      tbody tr:nth-child(even) td { background: none; }
    }

    """
}
