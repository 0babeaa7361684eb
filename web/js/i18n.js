// Every label of the map in Chinese (default) and English; pages never hard-code UI text elsewhere.
import { app } from './state.js';
import * as Dom from './dom.js';


const DICT = {
  zh: {
    tabBatch: '批量研判', batchHint: '上传项目清单（GeoJSON、含 WKT 列的 CSV/xlsx、压缩的 Shapefile、GeoPackage 或国土 TXT 的 ZIP），每个要素/行/文件一个项目。',
    batchFile: '项目清单', batchIndustry: '默认行业', batchNoDefault: '（无，按清单中的行业列）', batchWithReports: '同时生成每个项目的 PDF 报告（ZIP）',
    batchStart: '开始批量研判', batchNoFile: '请先选择项目清单文件', batchSubmitting: '正在提交…',
    batchProgress: '{status}：已处理 {processed} / {total} 个项目', batchEta: '预计还需 {s} 秒', batchDone: '完成：共 {n} 个项目',
    jobStatus_accepted: '排队中', jobStatus_running: '研判中', jobStatus_successful: '已完成', jobStatus_failed: '任务失败', jobStatus_dismissed: '已取消',
    batchError: '无法研判', batchCsv: '下载结果表 CSV', batchXlsx: '下载结果表 xlsx', batchReports: '下载报告 ZIP',
    batchBadRows: '{n} 个错误行', batchRow: '第 {row} 行', batchCount: '项目数', batchDataVersion: '数据版本 {v}',
    appTitle: '生态环境分区管控地图', searchPlaceholder: '搜索名称或编码（如 ZH1402…、十里店）', basemap: '底图',
    basemapNone: '无（离线）', basemapOsm: 'OpenStreetMap', basemapTianditu: '天地图', tiandituKey: '天地图密钥 tk',
    apply: '应用', tabLayers: '图层', tabPlanner: '选址研判', tabForester: '矿山修复',
    clickHint: '点击地图任意位置，查询该点所在的管控分区。', legend: '图例', otherValues: '其他',
    illustrative: '示意数据：边界为示意，非官方成果', loading: '加载中…', loaded: '已加载 {n} 个要素',
    tilesFailed: '{layer}：{n} 个切片加载失败，请稍后重试',
    basemapFailed: '底图“{name}”加载失败（离线或无法访问该服务），已显示的分区图层不受影响。',
    useNoBasemap: '改用无底图',
    identifyTitle: '该点所在分区', identifyNone: '该点不在任何分区内', identifyAt: '经度 {lon}，纬度 {lat}',
    searchNone: '未找到匹配的要素', qualityChart: '水质类别（按年份）', attributes: '属性',
    industry: '行业', anyIndustry: '全部行业', projectName: '项目名称', drawSite: '在地图上绘制地块',
    uploadSite: '上传坐标文件（国土 TXT / GeoJSON / WKT）', checking: '正在研判…',
    verdict: '结论', verdict_prohibited: '禁止准入', verdict_restricted: '限制准入', verdict_conditional: '有条件准入',
    verdict_allowed: '准入', siteArea: '地块面积', ellipsoidArea: '椭球面积（CGCS2000）', gkArea: '高斯平面面积（{zone} 带）',
    parcels: '地块', declared: '申报', difference: '差值', hits: '涉及分区', layer: '图层', name: '名称',
    overlapHa: '重叠（公顷）', overlapMu: '重叠（亩）', siteShare: '占地块', zoneShare: '占分区', noHits: '未与任何分区重叠',
    nearby: '周边分区', distance: '距离', clauses: '适用的准入清单条款', noClauses: '无适用条款', basis: '依据',
    severity_prohibited: '禁止', severity_restricted: '限制', severity_required: '要求', warnings: '提示',
    reportHtml: '打开 HTML 报告', reportPdf: '下载 PDF 报告', site: '拟选地块', error: '出错了',
    measureTitle: '面积量算', drawMeasure: '绘制多边形量算面积', measuring: '正在量算…', area: '面积',
    perimeter: '周长', restorationTitle: '修复图斑统计', groupBy: '分组', group: '分组', count: '图斑数',
    measured: '实测', declaredMu: '申报（亩）', measuredHa: '实测（公顷）', measuredMu: '实测（亩）', downloadCsv: '下载 CSV（Excel）',
    plotsOf: '{key} 的图斑', plotId: '图斑编号', diffPct: '差值 %', mismatched: '超差', progress: '修复进度',
    mine: '矿山', restoredShare: '已修复占比', totals: '合计：{plots} 个图斑，实测 {ha} 公顷（{mu} 亩），超差 {mismatched} 个',
    noRestoration: '没有矿山修复图层', zoomTo: '定位', close: '关闭', unknown: '（无）', m2: '平方米', ha: '公顷', mu: '亩', m: '米',
    unitList: '管控要求', unitListOf: '{name}（{code}）管控要求', unitListHint: '本单元要求在前，其后为所在区县、市、省的总体准入要求',
    effect_prohibited: '禁止', effect_restricted: '限制', effect_required: '要求', ownRequirement: '本单元',
    generalRequirement: '{level}总体准入要求', generalRequirementOf: '{place}总体准入要求', industriesOnly: '适用行业：{list}',
    noRequirements: '无', printable: '打开可打印页面', showUnitList: '查看管控要求', unitListFailed: '管控要求加载失败',
    searchRequirement: '准入清单', searchFailed: '部分图层搜索失败', searchUnits: '适用单元：{list}', searchMoreUnits: '等 {n} 个单元',
    searchZone: '适用于：{layer}', searchScope: '适用范围：{scope}', searching: '搜索中…',
    verdict_outside: '不在数据范围内，无法研判', dimensionVerdicts: '逐维度研判', requirementCount: '{n} 条',
    requirementCountOne: '{n} 条', industryVerdicts: '本地块各行业研判', bannedIndustries: '本地块禁止的行业', noBannedIndustry: '没有行业在此被禁止',
    bannedWhere: '禁止所在', bannedBy: '依据条款', industryCol: '行业', industryLine: '行业：{industry}',
    triggeredBy: '触发：{zone}', level_unit: '本单元要求', level_county: '区县总体准入要求', level_city: '市总体准入要求',
    level_province: '省总体准入要求', level_national: '国家法律法规（分区规则）', wsLevel: '级别',
    clearSite: '清除', staleReport: '条件已更改，正在重新研判；报告按钮暂不可用', siteShapeBox: '地块顶点过多，地图上仅显示外包矩形',
    coverageWarning: '地块有 {share} 位于管控单元之外（{ha} 公顷）',
    sampleNoticeTitle: '示意数据', sampleNotice: '边界和数值仅为示意，不是官方成果，不能作为审批依据。', sampleNoticeClose: '关闭提示',
    tabStats: '统计', statsTitle: '区县统计', km2: '平方千米', statsTotal: '合计', statsNone: '没有可统计的区县',
    statsBasis: '面积为 CGCS2000 椭球面积；同一区县内相互重叠的分区（如嵌套的一级、二级保护区）合并后只计一次；占比 = 面积 ÷ 区县国土面积。',
    statsRedline: '生态保护红线面积占国土面积比例', statsDistrict: '区县', statsLandArea: '国土面积', statsRedlineArea: '红线面积',
    statsRedlineShare: '红线占比', statsWater: '饮用水水源保护区（按级别，面积：公顷）', statsWaterAll: '合计（合并）',
    statsAreaKm2: '面积（平方千米）', statsOfDistrict: '占区县', statsOfType: '占该类合计',
    statsWaterNote: '每格：面积（公顷），下方为占区县国土面积比例。嵌套的级别合并计入“合计”，各级之和可大于合计。',
    statsUnitTypes: '环境管控单元类型（占区县面积）', statsByType: '各类管控单元面积（按区县）', statsUnitType: '单元类型',
    statsRestoration: '矿山生态修复图斑', statsPlots: '图斑面积', statsRestored: '已修复面积', statsRestoredShare: '已修复占比',
    statsRestoredNote: '已修复 = 状态为“已修复”或“已验收”的图斑；占比为占该区县图斑面积。',
    // forester and planner site tools
    restoredOfPlots: '已修复 / 图斑数', restoredOfPlotsTip: '{restored} 个图斑已修复或已验收，共 {plots} 个图斑',
    restoredOfPlotsNote: '“已修复 / 图斑数”：状态为已修复或已验收的图斑数 / 该矿山图斑总数；已修复占比按实测面积计。',
    downloadSummaryCsv: '下载分组汇总 CSV', downloadProgressCsv: '下载矿山进度 CSV', downloadPlotsCsv: '下载图斑明细 CSV',
    measuredAreaPopup: '实测面积（亩）', measuredVsDeclared: '{measured}（申报 {declared}，差 {pct}%）', clickGroupHint: '点击一行，在地图上列出并高亮该组图斑',
    undoVertex: '撤销上一点', exportTxt: '导出国土 TXT', exportGeojson: '导出 GeoJSON', permalink: '复制链接',
    permalinkCopied: '链接已生成，可复制地址栏分享：重新打开即恢复该地块与研判结果', permalinkTooLong: '地块顶点过多（链接将超过 {max} 个字符），无法生成链接；请导出 GeoJSON 或 TXT 分享',
    permalinkBad: '链接中的地块无法读取：{detail}',
    tabsLabel: '面板', uploadSiteLabel: '上传地块坐标文件（国土 TXT、GeoJSON 或 WKT）', sheetExpand: '展开面板', sheetCollapse: '收起面板',
    labelSep: '：', noFileChosen: '未选择文件（点此选择）', comma: '，', listSep: '、', parenOpen: '（', parenClose: '）',
    unnamedSite: '未命名地块', editSite: '编辑顶点', editDone: '完成编辑', recheckSite: '按修改后的地块重新研判', undoEdit: '撤销上一步修改',
    editTooMany: '地块顶点超过 {max} 个，无法在地图上编辑', vertexTitle: '拖动移动顶点；单击删除顶点（方向键移动，Delete 删除）',
    midpointTitle: '单击在此边的中点插入顶点，或拖动放置新顶点', vertexMinimum: '每个环至少保留 3 个顶点，不能再删除',
    siteEditedNote: '地块已修改：下方结论仍是修改前地块的结论，报告暂不可用。',
    seeIndustryTable: '（见下方“本地块各行业研判”）',
    batchResults: '研判结果（点击表头排序，点击一行在地图上打开该项目）', batchRowCol: '序号', batchProject: '项目', batchIndustryCol: '行业',
    batchDistrict: '区县', batchAreaHa: '面积（公顷）', batchHitsCol: '压占分区', batchNearest: '最近保护区（米）', batchOpen: '在地图上打开',
    batchNoShape: '结果中没有该项目的地块形状，无法在地图上打开', batchOpening: '正在打开 {name}…', sortAsc: '升序', sortDesc: '降序',
    batchBackToList: '返回批量结果', batchOpened: '已打开批量结果第 {row} 行：{name}', batchSortHint: '按此列排序'
  },
  en: {
    tabBatch: 'Batch', batchHint: 'Upload a project list (GeoJSON, CSV/xlsx with a WKT column, zipped shapefile, GeoPackage or a ZIP of land-survey boundary TXT files), one project per feature/row/file.',
    batchFile: 'Project list', batchIndustry: 'Default industry', batchNoDefault: '(none: from the list\'s industry column)', batchWithReports: 'Also make a PDF report per project (ZIP)',
    batchStart: 'Start batch check', batchNoFile: 'Choose a project list file first', batchSubmitting: 'Submitting…',
    batchProgress: '{status}: {processed} / {total} projects', batchEta: 'About {s} s left', batchDone: 'Done: {n} projects',
    jobStatus_accepted: 'Queued', jobStatus_running: 'Running', jobStatus_successful: 'Finished', jobStatus_failed: 'Job failed', jobStatus_dismissed: 'Dismissed',
    batchError: 'Cannot check', batchCsv: 'Download table (CSV)', batchXlsx: 'Download table (xlsx)', batchReports: 'Download reports (ZIP)',
    batchBadRows: '{n} bad rows', batchRow: 'row {row}', batchCount: 'Projects', batchDataVersion: 'Data version {v}',
    appTitle: 'Ecological zoning map', searchPlaceholder: 'Search a name or code (e.g. ZH1402…)', basemap: 'Base map',
    basemapNone: 'None (offline)', basemapOsm: 'OpenStreetMap', basemapTianditu: 'Tianditu', tiandituKey: 'Tianditu key (tk)',
    apply: 'Apply', tabLayers: 'Layers', tabPlanner: 'Site check', tabForester: 'Restoration',
    clickHint: 'Click anywhere on the map to see the zones at that point.', legend: 'Legend', otherValues: 'Other',
    illustrative: 'Illustrative sample data: boundaries are not official', loading: 'Loading…', loaded: '{n} features loaded',
    tilesFailed: '{layer}: {n} tiles failed to load; please try again later',
    basemapFailed: 'The base map "{name}" failed to load (offline or the service cannot be reached); the zoning layers are not affected.',
    useNoBasemap: 'Use no base map',
    identifyTitle: 'Zones at this point', identifyNone: 'This point is in no zone', identifyAt: 'lon {lon}, lat {lat}',
    searchNone: 'No matching feature', qualityChart: 'Water quality class by year', attributes: 'Attributes',
    industry: 'Industry', anyIndustry: 'All industries', projectName: 'Project name', drawSite: 'Draw the site on the map',
    uploadSite: 'Upload a boundary file (TXT / GeoJSON / WKT)', checking: 'Checking…',
    verdict: 'Verdict', verdict_prohibited: 'Prohibited', verdict_restricted: 'Restricted', verdict_conditional: 'Conditional',
    verdict_allowed: 'Allowed', siteArea: 'Site area', ellipsoidArea: 'Ellipsoidal area (CGCS2000)', gkArea: 'Gauss-Krüger plane area (zone {zone})',
    parcels: 'Parcels', declared: 'Declared', difference: 'Difference', hits: 'Zones overlapped', layer: 'Layer', name: 'Name',
    overlapHa: 'Overlap (ha)', overlapMu: 'Overlap (mu)', siteShare: 'Of site', zoneShare: 'Of zone', noHits: 'Overlaps no zone',
    nearby: 'Zones nearby', distance: 'Distance', clauses: 'Access-list clauses that apply', noClauses: 'No clause applies', basis: 'Basis',
    severity_prohibited: 'Prohibited', severity_restricted: 'Restricted', severity_required: 'Required', warnings: 'Warnings',
    reportHtml: 'Open HTML report', reportPdf: 'Download PDF report', site: 'Proposed site', error: 'Error',
    measureTitle: 'Measure an area', drawMeasure: 'Draw a polygon to measure', measuring: 'Measuring…', area: 'Area',
    perimeter: 'Perimeter', restorationTitle: 'Restoration plots', groupBy: 'Group by', group: 'Group', count: 'Plots',
    measured: 'Measured', declaredMu: 'Declared (mu)', measuredHa: 'Measured (ha)', measuredMu: 'Measured (mu)', downloadCsv: 'Download CSV (Excel)',
    plotsOf: 'Plots of {key}', plotId: 'Plot', diffPct: 'Diff %', mismatched: 'Mismatch', progress: 'Progress per mine',
    mine: 'Mine', restoredShare: 'Restored', totals: 'Total: {plots} plots, measured {ha} ha ({mu} mu), {mismatched} mismatched',
    noRestoration: 'No restoration layer', zoomTo: 'Zoom', close: 'Close', unknown: '(none)', m2: 'm²', ha: 'ha', mu: 'mu', m: 'm',
    unitList: 'Requirements', unitListOf: 'Requirements of {name} ({code})', unitListHint: "The unit's own first, then the general requirements of its county, city and province",
    effect_prohibited: 'Prohibited', effect_restricted: 'Restricted', effect_required: 'Required', ownRequirement: 'This unit',
    generalRequirement: 'General requirement ({level})', generalRequirementOf: 'General requirement of {place}', industriesOnly: 'For: {list}',
    noRequirements: 'None', printable: 'Printable page', showUnitList: 'Show requirements', unitListFailed: 'Could not load the requirements',
    searchRequirement: 'Access list', searchFailed: 'Search failed in some layers', searchUnits: 'Units: {list}', searchMoreUnits: 'and {n} more',
    searchZone: 'Applies to: {layer}', searchScope: 'Applies in: {scope}', searching: 'Searching…',
    verdict_outside: 'Outside the data: cannot assess', dimensionVerdicts: 'By dimension', requirementCount: '{n} items',
    requirementCountOne: '{n} item', industryVerdicts: 'Verdict per industry here', bannedIndustries: 'Industries banned here', noBannedIndustry: 'No industry is banned here',
    bannedWhere: 'Banned in', bannedBy: 'Clauses', industryCol: 'Industry', industryLine: 'Industry: {industry}',
    triggeredBy: 'Triggered by: {zone}', level_unit: "Unit's own requirements", level_county: 'County general requirements', level_city: 'City general requirements',
    level_province: 'Province general requirements', level_national: 'National law (zone rules)', wsLevel: 'Level',
    clearSite: 'Clear', staleReport: 'Inputs changed: checking again; reports are disabled until then', siteShapeBox: 'Too many vertices: the map shows the bounding box only',
    coverageWarning: '{share} of the site lies outside the control units ({ha} ha)',
    sampleNoticeTitle: 'Sample data', sampleNotice: 'Boundaries and figures are illustrative, not official, and no basis for approvals.', sampleNoticeClose: 'Close the notice',
    tabStats: 'Statistics', statsTitle: 'District statistics', km2: 'km²', statsTotal: 'Total', statsNone: 'No district to summarise',
    statsBasis: 'Areas on the CGCS2000 ellipsoid; zones overlapping each other inside a district (such as nested grade 1 and 2 zones) are merged and counted once; share = area / land area of the district.',
    statsRedline: 'Red line area as a share of land area', statsDistrict: 'District', statsLandArea: 'Land area', statsRedlineArea: 'Red line area',
    statsRedlineShare: 'Red line share', statsWater: 'Drinking-water source zones by level (area: ha)', statsWaterAll: 'All (merged)',
    statsAreaKm2: 'Area (km²)', statsOfDistrict: 'Of district', statsOfType: 'Of the type\'s total',
    statsWaterNote: 'Each cell: area (ha), below it the share of the district. Nested levels are merged in "All", so the levels may add up to more.',
    statsUnitTypes: 'Control-unit types (share of the district)', statsByType: 'Control-unit area by type and district', statsUnitType: 'Unit type',
    statsRestoration: 'Mine restoration plots', statsPlots: 'Plot area', statsRestored: 'Restored area', statsRestoredShare: 'Restored share',
    statsRestoredNote: 'Restored = plots with status restored or accepted; share of the district\'s plot area.',
    // forester and planner site tools
    restoredOfPlots: 'Restored / plots', restoredOfPlotsTip: '{restored} of {plots} plots restored or accepted',
    restoredOfPlotsNote: '"Restored / plots": plots with status restored or accepted over all plots of the mine; the restored share is by measured area.',
    downloadSummaryCsv: 'Download summary CSV', downloadProgressCsv: 'Download mine progress CSV', downloadPlotsCsv: 'Download plots CSV',
    measuredAreaPopup: 'Measured area (mu)', measuredVsDeclared: '{measured} (declared {declared}, diff {pct}%)', clickGroupHint: 'Click a row to list and highlight its plots on the map',
    undoVertex: 'Undo last point', exportTxt: 'Export land TXT', exportGeojson: 'Export GeoJSON', permalink: 'Link to this site',
    permalinkCopied: 'Link made: share the address bar; opening it restores this site and its result', permalinkTooLong: 'Too many vertices (the link would exceed {max} characters): share the GeoJSON or TXT export instead',
    permalinkBad: 'The site in the link cannot be read: {detail}',
    tabsLabel: 'Panels', uploadSiteLabel: 'Upload the site boundary file (TXT, GeoJSON or WKT)', sheetExpand: 'Expand panel', sheetCollapse: 'Collapse panel',
    labelSep: ': ', noFileChosen: 'No file chosen (tap to choose)', comma: ', ', listSep: ', ', parenOpen: ' (', parenClose: ')',
    unnamedSite: 'Unnamed site', editSite: 'Edit vertices', editDone: 'Done editing', recheckSite: 'Check the edited site', undoEdit: 'Undo last edit',
    editTooMany: 'The site has more than {max} vertices: too many to edit on the map', vertexTitle: 'Drag to move this vertex; click to delete it (arrow keys move, Delete deletes)',
    midpointTitle: 'Click to insert a vertex in the middle of this edge, or drag to place it', vertexMinimum: 'A ring keeps at least 3 vertices: this one cannot be deleted',
    siteEditedNote: 'The site was edited: the verdict below is still that of the site before; reports wait for a new check.',
    seeIndustryTable: ' (see "Verdict per industry here" below)',
    batchResults: 'Results (click a column heading to sort; click a row to open the project on the map)', batchRowCol: 'Row', batchProject: 'Project', batchIndustryCol: 'Industry',
    batchDistrict: 'District', batchAreaHa: 'Area (ha)', batchHitsCol: 'Zones hit', batchNearest: 'Nearest protected zone (m)', batchOpen: 'Open on the map',
    batchNoShape: 'The results hold no shape for this project: it cannot be opened on the map', batchOpening: 'Opening {name}…', sortAsc: 'ascending', sortDesc: 'descending',
    batchBackToList: 'Back to the batch results', batchOpened: 'Opened row {row} of the batch results: {name}', batchSortHint: 'Sort by this column'
  }
};

/** Values found in the data (attribute values, class labels) and their English; term() uses it when English is on. */
const VOCAB = {
  '优先保护': 'Priority protection', '重点管控': 'Key control', '一般管控': 'General control',
  '优先保护单元': 'Priority protection unit', '重点管控单元': 'Key control unit', '一般管控单元': 'General control unit',
  '一级保护区': 'Grade 1 protection zone', '二级保护区': 'Grade 2 protection zone', '准保护区': 'Quasi-protection zone',
  '一级': 'Grade 1', '二级': 'Grade 2', '三级': 'Grade 3',
  '生态保护红线': 'Ecological red line', '饮用水水源保护区': 'Drinking-water source zone', '环境管控单元': 'Environmental control unit',
  '劣Ⅴ': 'Worse than V', '劣Ⅴ类': 'Worse than class V', '劣V': 'Worse than V', 'Ⅰ类': 'Class I', 'Ⅱ类': 'Class II',
  'Ⅲ类': 'Class III', 'Ⅳ类': 'Class IV', 'Ⅴ类': 'Class V', 'Ⅰ': 'I', 'Ⅱ': 'II', 'Ⅲ': 'III', 'Ⅳ': 'IV', 'Ⅴ': 'V',
  '已修复': 'Restored', '已验收': 'Accepted', '修复中': 'Under restoration', '未修复': 'Not restored', '待修复': 'To be restored',
  '治理中': 'Under treatment', '已治理': 'Treated', '未治理': 'Untreated',
  '河流': 'River', '湖库': 'Lake or reservoir', '水库': 'Reservoir', '地下水': 'Groundwater', '地表水': 'Surface water',
  '水质': 'Water quality', '空气': 'Air', '是': 'Yes', '否': 'No',
  '禁止': 'Prohibited', '限制': 'Restricted', '要求': 'Required', '禁止准入': 'Prohibited', '限制准入': 'Restricted',
  '有条件准入': 'Conditional', '准入': 'Allowed'
};
export { VOCAB };

/** A value from the data in the page's language: its English from VOCAB when English is on, else as it is. */
export function term(value) {
  if (value == null) return '';
  const s = String(value);
  if (app.lang !== 'en') return s;
  const k = s.trim();
  return Object.prototype.hasOwnProperty.call(VOCAB, k) ? VOCAB[k] : s;
}

/** Text in parentheses, full-width in Chinese, ASCII with a leading space in English. */
export function paren(s) { return t('parenOpen') + s + t('parenClose'); };

/** Items joined as a list in the page's language (、 in Chinese, ", " in English). */
export function listJoin(items) { return (items || []).join(t('listSep')); };

const CJK = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/;

/**
 * A value from the data shown as it is (a place or zone name, a document title): marked data-verbatim (and lang=zh
 * when it is Chinese) so that the English page knows it is not untranslated interface text.
 */
export function verbatim(text) {
  const s = text == null ? '' : String(text);
  return Dom.el('span', { 'data-verbatim': '', lang: CJK.test(s) ? 'zh' : null }, s);
}

/**
 * A value from the data (a group key, a district, a class): its English from VOCAB when English is on and it is
 * vocabulary, else the value as it is, marked as quoted data (a mine's or a district's name).
 */
export function dataValue(value) {
  const s = value == null ? '' : String(value);
  const t = term(s);
  return t !== s || !CJK.test(s) ? t : verbatim(s);
}

/**
 * A server message of the legacy form "中文 / English" in the page's language: the part before the first " / " in
 * Chinese, the rest in English (a message without " / " is shown as it is).
 */
export function bilingual(text) {
  if (text == null) return '';
  const s = String(text);
  const i = s.indexOf(' / ');
  if (i < 0) return s;
  return app.lang === 'en' ? s.substring(i + 3) : s.substring(0, i);
}

/** Field names that slipped into server messages, and what people read instead. */
const CODE_WORDS = [[/\s*[(（]see industryVerdicts[)）]/g, 'seeIndustryTable']];

/** A server message for people: field names that slipped into it replaced by words. */
export function forPeople(text) {
  let s = String(text == null ? '' : text);
  CODE_WORDS.forEach(([re, key]) => { s = s.replace(re, t(key)); });
  return s;
}

/**
 * A result's warnings in the page's language: its structured notices ({code, zh, en}) when it has them, else its
 * legacy "中文 / English" warnings split.
 */
export function noticeTexts(r) {
  if (!r) return [];
  if (Array.isArray(r.notices) && r.notices.length) {
    return r.notices.map(n => sentence(forPeople(app.lang === 'en' ? (n.en || n.zh) : (n.zh || n.en))));
  }
  return (r.warnings || []).map(w => sentence(forPeople(typeof w === 'string' ? bilingual(w) : pick(w))));
}

/** An English message starts with a capital letter (the server writes its English halves in lower case). */
function sentence(s) {
  return app.lang === 'en' && /^[a-z]/.test(s) ? s.charAt(0).toUpperCase() + s.substring(1) : s;
}

/** A problem title such as "请求有误 Bad request" (Chinese, a space, English) in the page's language. */
export function bilingualTitle(title) {
  if (title == null) return '';
  const m = /^([^A-Za-z]*[\u3400-\u9fff][^A-Za-z]*?)\s+([A-Za-z].*)$/.exec(String(title));
  if (!m) return bilingual(title);
  return app.lang === 'en' ? m[2] : m[1];
}

const listeners = [];
app.lang = 'zh';

/** The label for key in the current language, with {name} placeholders filled in. */
export function t(key, params) {
  let s = (DICT[app.lang] && DICT[app.lang][key]) || DICT.zh[key] || key;
  if (params) Object.keys(params).forEach(k => { s = s.split('{' + k + '}').join(String(params[k])); });
  return s;
}

/** Picks zh or en from a {zh, en} label (or returns a plain string as it is). */
export function pick(text) {
  if (text == null) return '';
  if (typeof text === 'string') return text;
  return (app.lang === 'en' ? (text.en || text.zh) : (text.zh || text.en)) || '';
}

export function onLanguage(fn) { listeners.push(fn); };

function applyStatic() {
  document.documentElement.lang = app.lang === 'en' ? 'en' : 'zh-CN';
  document.querySelectorAll('[data-i18n]').forEach(e => { e.textContent = t(e.dataset.i18n); });
  document.querySelectorAll('[data-i18n-ph]').forEach(e => { e.placeholder = t(e.dataset.i18nPh); });
  document.querySelectorAll('[data-i18n-aria]').forEach(e => { e.setAttribute('aria-label', t(e.dataset.i18nAria)); });
  document.title = t('appTitle') + ' EcoZone';
  const b = document.getElementById('lang');
  if (b) b.textContent = app.lang === 'en' ? '中文' : 'English';
}

export function setLanguage(lang) {
  app.lang = lang === 'en' ? 'en' : 'zh';
  try { localStorage.setItem('ecozone.lang', app.lang); } catch (e) { /* private mode: keep it for this page only */ }
  applyStatic();
  listeners.forEach(fn => fn(app.lang));
}

export function initLanguage() {
  let saved = null;
  try { saved = localStorage.getItem('ecozone.lang'); } catch (e) { /* no storage */ }
  app.lang = saved === 'en' ? 'en' : 'zh';
  applyStatic();
  document.getElementById('lang').addEventListener('click', () => setLanguage(app.lang === 'en' ? 'zh' : 'en'));
}
