/// The dashboard's stylesheet. Colours meet WCAG AA: text at least 4.5:1 on its
/// background, chart bars at least 3:1 on white.
enum DashboardStyle {
    static let css = """
    :root{color-scheme:light;--ink:#1b1b1b;--muted:#4a4a4a;--line:#c8c8c8;--accent:#1f4e79;--panel:#f4f6f8}
    *{box-sizing:border-box}
    [hidden]{display:none!important}
    body{margin:0 auto;max-width:1200px;padding:1.5rem;font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);background:#fff}
    h1{font-size:1.6rem;margin:0 0 .25rem}
    h2{font-size:1.25rem;margin:2rem 0 .75rem;border-bottom:2px solid var(--accent);padding-bottom:.25rem}
    h3{font-size:1.05rem;margin:0 0 .5rem}
    a{color:#0b4f8a}
    a:focus,select:focus{outline:3px solid #f2a900;outline-offset:2px}
    .subtitle{color:var(--muted);margin:0}
    .headlines{display:grid;grid-template-columns:repeat(auto-fit,minmax(11rem,1fr));gap:.75rem;margin:0}
    .headline{background:var(--panel);border-left:4px solid var(--accent);padding:.6rem .8rem}
    .headline dt{font-size:.85rem;color:var(--muted)}
    .headline dd{margin:0}
    .headline .figure{font-size:1.7rem;font-weight:700}
    .headline .detail{font-size:.85rem;color:var(--muted)}
    .headline.tile-critical{border-left-color:#7a0019;background:#fbeaec}
    .headline.tile-high{border-left-color:#c0262d;background:#fdf0f0}
    .headline.tile-alert{border-left-color:#9a4b00;background:#fdf4e8}
    .unallocated{color:#8a3b00}
    tr.unallocated-row{background:#fdf4e8}
    #owners th[scope=rowgroup]{background:var(--panel)}
    .mark{display:inline-block;font-size:.75rem;color:var(--muted);white-space:nowrap}
    .mark-new{color:#fff;background:#1f4e79;padding:0 .35rem;border-radius:.25rem}
    .mark-waived{color:#1b1b1b;background:#e8e8e8;padding:0 .35rem;border-radius:.25rem}
    .charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(32rem,100%),1fr));gap:1.25rem}
    figure{margin:0;border:1px solid var(--line);padding:.75rem;break-inside:avoid;min-width:0}
    section,main{min-width:0}
    figcaption{font-weight:700;margin-bottom:.5rem}
    svg.chart{width:100%;height:auto;display:block}
    svg text{font-size:13px;fill:var(--ink)}
    svg text.axis,svg text.legend{font-size:12px}
    .bar{fill:#1f5f99}.bar-overdue{fill:#8a3b00}
    .sev-critical{fill:#7a0019;background:#7a0019}.sev-high{fill:#c0262d;background:#c0262d}
    .sev-medium{fill:#9a4b00;background:#9a4b00}.sev-low{fill:#1f5f99;background:#1f5f99}.sev-info{fill:#5a6570;background:#5a6570}
    .grid{stroke:#d0d0d0;stroke-width:1}
    .trend{fill:none;stroke:#1f5f99;stroke-width:2.5}
    .trend-point{fill:#1f5f99}
    table{border-collapse:collapse;width:100%}
    th,td{border-bottom:1px solid var(--line);padding:.3rem .45rem;text-align:left;vertical-align:top}
    thead th{background:var(--panel);position:sticky;top:0}
    .number{text-align:right;font-variant-numeric:tabular-nums}
    .date{white-space:nowrap}
    table.chart-data{margin-top:.5rem;font-size:.85rem}
    table.chart-data caption{text-align:left;color:var(--muted);font-size:.8rem}
    .note{font-size:.85rem;color:var(--muted)}
    .table-scroll{overflow-x:auto}
    #findings{font-size:.875rem}
    #findings caption{text-align:left;font-weight:700;padding:.25rem 0}
    #findings .item{display:block;color:var(--muted);font-size:.8rem}
    #findings .message{min-width:12rem}
    #findings .record{font-size:.75rem}
    #findings .record code{white-space:nowrap}
    .badge{color:#fff;padding:.05rem .4rem;border-radius:.25rem;font-size:.8rem;white-space:nowrap}
    form#filters{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:center;margin:.5rem 0 1rem;padding:.6rem;background:var(--panel)}
    form#filters select{font:inherit;padding:.15rem}
    output#shown{font-weight:700}
    .rule{border-top:1px solid var(--line);padding:.75rem 0}
    .rule:target{background:#fff6d6}
    .rule dl{display:grid;grid-template-columns:8rem 1fr;gap:.2rem .75rem;margin:0}
    .rule dt{color:var(--muted)}
    .rule dd{margin:0}
    footer{margin-top:2rem;color:var(--muted);font-size:.85rem}
    @media (max-width:600px){
    body{padding:.75rem;font-size:14px}
    h1{font-size:1.3rem}
    .headlines{grid-template-columns:repeat(auto-fit,minmax(9rem,1fr))}
    .headline .figure{font-size:1.35rem}
    .rule dl{grid-template-columns:1fr}
    }
    @media print{
    body{max-width:none;padding:0;font-size:10pt}
    form#filters,#static-note{display:none!important}
    .charts{display:block}
    figure{margin-bottom:1rem}
    thead th{position:static}
    a{color:inherit;text-decoration:none}
    .badge,.bar,.bar-overdue,[class^=sev-],.trend-point{-webkit-print-color-adjust:exact;print-color-adjust:exact}
    h2{break-after:avoid}
    tr,.rule{break-inside:avoid}
    }
    """
}
