<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="zh_CN">
<context>
    <name>Duizhao</name>
    <message>
        <source>在两侧查找（简繁通查）</source>
        <translation>Find in both documents (Simplified/Traditional alike)</translation>
    </message>
    <message>
        <source>上一个 (Shift+F3)</source>
        <translation>Previous (Shift+F3)</translation>
    </message>
    <message>
        <source>下一个 (F3)</source>
        <translation>Next (F3)</translation>
    </message>
    <message>
        <source>关闭 (Esc)</source>
        <translation>Close (Esc)</translation>
    </message>
    <message>
        <source>查找：</source>
        <translation>Find:</translation>
    </message>
    <message>
        <source>无结果</source>
        <translation>No results</translation>
    </message>
    <message>
        <source>左 %1 · 右 %2</source>
        <translation>left %1 · right %2</translation>
    </message>
    <message>
        <source>关于对照</source>
        <translation>About Duizhao</translation>
    </message>
    <message>
        <source>使用说明</source>
        <translation>User guide</translation>
    </message>
    <message>
        <source>对照 Duizhao</source>
        <translation>Duizhao</translation>
    </message>
    <message>
        <source>政策文件对照工具：找出两份文件中相互对应的条目、相同的表述和各自独有的内容，并导出对照表。</source>
        <translation>Compares policy documents: finds the corresponding items of two documents, their shared wording and what is unique to each, and exports comparison tables.</translation>
    </message>
    <message>
        <source>全部在本机离线运行，不上传任何文件。</source>
        <translation>Runs entirely offline on this computer; no file is uploaded.</translation>
    </message>
    <message>
        <source>界面字体：文泉驿微米黑（Apache 2.0 / GPLv3）。</source>
        <translation>Font: WenQuanYi Micro Hei (Apache 2.0 / GPLv3).</translation>
    </message>
    <message>
        <source>图例：</source>
        <translation>Legend:</translation>
    </message>
    <message>
        <source>对应关系：</source>
        <translation>Links:</translation>
    </message>
    <message>
        <source>将文件拖放到这里，或点击“打开…”</source>
        <translation>Drop a file here, or click “Open…”</translation>
    </message>
    <message>
        <source>打开…</source>
        <translation>Open…</translation>
    </message>
    <message>
        <source>对照 — 政策文件对照</source>
        <translation>Duizhao — policy document comparison</translation>
    </message>
    <message>
        <source>大纲</source>
        <translation>Outline</translation>
    </message>
    <message>
        <source>对应关系</source>
        <translation>Pairs</translation>
    </message>
    <message>
        <source>统计与覆盖</source>
        <translation>Statistics and coverage</translation>
    </message>
    <message>
        <source>对应关系与统计</source>
        <translation>Pairs and statistics</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>打开左侧文件…</source>
        <translation>Open left file…</translation>
    </message>
    <message>
        <source>打开右侧文件…</source>
        <translation>Open right file…</translation>
    </message>
    <message>
        <source>打开示例文件</source>
        <translation>Open the sample pair</translation>
    </message>
    <message>
        <source>交换左右</source>
        <translation>Swap sides</translation>
    </message>
    <message>
        <source>重新比较</source>
        <translation>Compare again</translation>
    </message>
    <message>
        <source>取消比较</source>
        <translation>Cancel comparison</translation>
    </message>
    <message>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>复制</source>
        <translation>Copy</translation>
    </message>
    <message>
        <source>查找…</source>
        <translation>Find…</translation>
    </message>
    <message>
        <source>查找下一个</source>
        <translation>Find next</translation>
    </message>
    <message>
        <source>查找上一个</source>
        <translation>Find previous</translation>
    </message>
    <message>
        <source>设置…</source>
        <translation>Settings…</translation>
    </message>
    <message>
        <source>下一处改动</source>
        <translation>Next change</translation>
    </message>
    <message>
        <source>上一处改动</source>
        <translation>Previous change</translation>
    </message>
    <message>
        <source>同步滚动</source>
        <translation>Synchronised scrolling</translation>
    </message>
    <message>
        <source>放大文字</source>
        <translation>Larger text</translation>
    </message>
    <message>
        <source>缩小文字</source>
        <translation>Smaller text</translation>
    </message>
    <message>
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>编辑(&amp;E)</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <source>视图(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>导出(&amp;X)</source>
        <translation>E&amp;xport</translation>
    </message>
    <message>
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>工具栏</source>
        <translation>Toolbar</translation>
    </message>
    <message>
        <source>导出</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>准备中</source>
        <translation>Preparing</translation>
    </message>
    <message>
        <source>比较失败。</source>
        <translation>Comparison failed.</translation>
    </message>
    <message>
        <source>导出失败。</source>
        <translation>Export failed.</translation>
    </message>
    <message>
        <source>（未打开文件）</source>
        <translation>(no file open)</translation>
    </message>
    <message>
        <source>左侧：</source>
        <translation>Left:</translation>
    </message>
    <message>
        <source>右侧：</source>
        <translation>Right:</translation>
    </message>
    <message>
        <source>左侧大纲</source>
        <translation>Left outline</translation>
    </message>
    <message>
        <source>右侧大纲</source>
        <translation>Right outline</translation>
    </message>
    <message>
        <source>最近打开（左侧）</source>
        <translation>Recent files (left)</translation>
    </message>
    <message>
        <source>最近打开（右侧）</source>
        <translation>Recent files (right)</translation>
    </message>
    <message>
        <source>打开左侧文件</source>
        <translation>Open left file</translation>
    </message>
    <message>
        <source>打开右侧文件</source>
        <translation>Open right file</translation>
    </message>
    <message>
        <source>（无）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>请再打开另一侧的文件。</source>
        <translation>Now open the file for the other side.</translation>
    </message>
    <message>
        <source>已取消比较。</source>
        <translation>Comparison cancelled.</translation>
    </message>
    <message>
        <source>无法比较</source>
        <translation>Cannot compare</translation>
    </message>
    <message>
        <source>正在导出</source>
        <translation>Exporting</translation>
    </message>
    <message>
        <source>无法导出</source>
        <translation>Cannot export</translation>
    </message>
    <message>
        <source>正在导出到 %1 …</source>
        <translation>Exporting to %1 …</translation>
    </message>
    <message>
        <source>已导出：%1</source>
        <translation>Exported: %1</translation>
    </message>
    <message>
        <source>无法写入文件（可能已在 Word/WPS 中打开）：%1</source>
        <translation>Cannot write the file (is it open in Word/WPS?): %1</translation>
    </message>
    <message>
        <source>无法读取文件：%1</source>
        <translation>Cannot read the file: %1</translation>
    </message>
    <message>
        <source>比较时发生内部错误：%1</source>
        <translation>Internal error while comparing: %1</translation>
    </message>
    <message>
        <source>左侧独有：右侧未采纳</source>
        <translation>left only: not taken up on the right</translation>
    </message>
    <message>
        <source>右侧独有：本地内容</source>
        <translation>right only: local content</translation>
    </message>
    <message>
        <source>正在比较 %1 与 %2 …</source>
        <translation>Comparing %1 with %2 …</translation>
    </message>
    <message>
        <source>导出时发生内部错误：%1</source>
        <translation>Internal error while exporting: %1</translation>
    </message>
    <message>
        <source>此表述见于右侧：%1</source>
        <translation>This wording appears on the right in: %1</translation>
    </message>
    <message>
        <source>此表述见于左侧：%1</source>
        <translation>This wording appears on the left in: %1</translation>
    </message>
    <message>
        <source>比较完成：左侧 %1 的表述见于右侧，右侧 %2 的表述见于左侧；共 %3 处改动。</source>
        <translation>Done: %1 of the left wording appears on the right, %2 of the right wording on the left; %3 changes.</translation>
    </message>
    <message>
        <source>下级条目有对应</source>
        <translation>sub-items have counterparts</translation>
    </message>
    <message>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <source>有改动</source>
        <translation>Changed</translation>
    </message>
    <message>
        <source>独有</source>
        <translation>Unique</translation>
    </message>
    <message>
        <source>相关</source>
        <translation>Related</translation>
    </message>
    <message>
        <source>显示：</source>
        <translation>Show:</translation>
    </message>
    <message>
        <source>%1 / %2 项</source>
        <translation>%1 / %2 rows</translation>
    </message>
    <message>
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source> 字</source>
        <translation> characters</translation>
    </message>
    <message>
        <source>两侧共有的表述至少要有多少个字才标为相同</source>
        <translation>How many characters a passage needs to count as shared wording</translation>
    </message>
    <message>
        <source>比较时将繁体转为简体</source>
        <translation>Convert Traditional to Simplified for comparison</translation>
    </message>
    <message>
        <source>保留网页栏目、页码等杂项</source>
        <translation>Keep web-page chrome, page numbers and similar noise</translation>
    </message>
    <message>
        <source>界面语言在重新启动后生效。</source>
        <translation>The interface language changes after a restart.</translation>
    </message>
    <message>
        <source>共有表述最短长度：</source>
        <translation>Shortest shared passage:</translation>
    </message>
    <message>
        <source>界面语言：</source>
        <translation>Interface language:</translation>
    </message>
    <message>
        <source>左侧与右侧共有的表述</source>
        <translation>Left wording shared with the right</translation>
    </message>
    <message>
        <source>右侧与左侧共有的表述</source>
        <translation>Right wording shared with the left</translation>
    </message>
    <message>
        <source>左侧条目被采纳</source>
        <translation>Left items taken up</translation>
    </message>
    <message>
        <source>右侧本地条目</source>
        <translation>Right items that are local</translation>
    </message>
    <message>
        <source>左侧未采纳条目</source>
        <translation>Left items not taken up</translation>
    </message>
    <message>
        <source>右侧独有条目</source>
        <translation>Right-only items</translation>
    </message>
    <message>
        <source>叶级条目对数</source>
        <translation>pairs of lowest-level items</translation>
    </message>
    <message>
        <source>覆盖情况（点击条目定位）</source>
        <translation>Coverage (click an entry to show it)</translation>
    </message>
    <message>
        <source>左侧未被采纳的条目</source>
        <translation>Left items not taken up</translation>
    </message>
    <message>
        <source>右侧独有（本地）条目</source>
        <translation>Right-only (local) items</translation>
    </message>
    <message>
        <source>：</source>
        <translation>: </translation>
    </message>
    <message>
        <source>左侧章节</source>
        <translation>Left section</translation>
    </message>
    <message>
        <source>右侧章节</source>
        <translation>Right section</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>相似度</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>修改对照表（Word）…</source>
        <translation>Comparison table (Word)…</translation>
    </message>
    <message>
        <source>修订模式 Word 文档…</source>
        <translation>Word document with tracked changes…</translation>
    </message>
    <message>
        <source>对照报告（PDF）…</source>
        <translation>Comparison report (PDF)…</translation>
    </message>
    <message>
        <source>Word 文档 (*.docx)</source>
        <translation>Word documents (*.docx)</translation>
    </message>
    <message>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>政策文件 (*.txt *.md *.docx *.pdf);;所有文件 (*)</source>
        <translation>Policy documents (*.txt *.md *.docx *.pdf);;All files (*)</translation>
    </message>
    <message>
        <source>变化</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>位置（左 → 右）</source>
        <translation>Where (left → right)</translation>
    </message>
    <message>
        <source>数量</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <source>时限</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>约束力</source>
        <translation>Obligation</translation>
    </message>
    <message>
        <source>责任单位</source>
        <translation>Responsible body</translation>
    </message>
    <message>
        <source>落实情况</source>
        <translation>Coverage</translation>
    </message>
    <message>
        <source>改变</source>
        <translation>Changed</translation>
    </message>
    <message>
        <source>新增</source>
        <translation>Added</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Removed</translation>
    </message>
    <message>
        <source>增强</source>
        <translation>Strengthened</translation>
    </message>
    <message>
        <source>减弱</source>
        <translation>Weakened</translation>
    </message>
    <message>
        <source>左侧：%1</source>
        <translation>Left: %1</translation>
    </message>
    <message>
        <source>右侧：%1</source>
        <translation>Right: %1</translation>
    </message>
    <message>
        <source>全部类型（%1）</source>
        <translation>All kinds (%1)</translation>
    </message>
    <message>
        <source>原：%1</source>
        <translation>Before: %1</translation>
    </message>
    <message>
        <source>现：%1</source>
        <translation>After: %1</translation>
    </message>
    <message>
        <source>一对多对照…</source>
        <translation>One Base Against Many…</translation>
    </message>
    <message>
        <source>一对多对照：选择基准文件</source>
        <translation>One base against many: choose the base file</translation>
    </message>
    <message>
        <source>一对多对照：选择要对照的文件（可多选）</source>
        <translation>One base against many: choose the files to compare (several allowed)</translation>
    </message>
    <message>
        <source>要点变化（%1）</source>
        <translation>Findings (%1)</translation>
    </message>
    <message>
        <source>正在将 %1 与 %2 份文件对照 …</source>
        <translation>Comparing %1 with %2 files…</translation>
    </message>
    <message>
        <source>一对多对照完成：%1 条基准条目，%2 份文件。</source>
        <translation>Matrix done: %1 base items, %2 files.</translation>
    </message>
    <message>
        <source>该文件没有对应条目（未落实）</source>
        <translation>No counterpart in this document (not taken up)</translation>
    </message>
    <message>
        <source>照搬</source>
        <translation>Verbatim</translation>
    </message>
    <message>
        <source>修改</source>
        <translation>Modified</translation>
    </message>
    <message>
        <source>未落实</source>
        <translation>Absent</translation>
    </message>
    <message>
        <source>导出 Excel 表格…</source>
        <translation>Export Excel Workbook…</translation>
    </message>
    <message>
        <source>矩阵工具栏</source>
        <translation>Matrix toolbar</translation>
    </message>
    <message>
        <source>有对应条目的基准条目：%1</source>
        <translation>Base items with a counterpart: %1</translation>
    </message>
    <message>
        <source>基准文件表述见于该文件：%1</source>
        <translation>Base wording found in this document: %1</translation>
    </message>
    <message>
        <source>该文件本地独有条目：%1</source>
        <translation>Local items of this document: %1</translation>
    </message>
    <message>
        <source>导出 Excel 表格</source>
        <translation>Export Excel Workbook</translation>
    </message>
    <message>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbooks (*.xlsx)</translation>
    </message>
    <message>
        <source>（另 %1 条）</source>
        <translation> (+%1 more)</translation>
    </message>
    <message>
        <source>一对多对照 — %1</source>
        <translation>One base against many — %1</translation>
    </message>
    <message>
        <source>覆盖 %1</source>
        <translation>covered %1</translation>
    </message>
    <message>
        <source>基准：%1（%2 条基准条目）；双击单元格打开该文件的逐条对照。</source>
        <translation>Base: %1 (%2 base items). Double-click a cell to open that document's side-by-side comparison.</translation>
    </message>
    <message>
        <source>%1：覆盖 %2（%3）</source>
        <translation>%1: covered %2 (%3)</translation>
    </message>
    <message>
        <source>改为对应…</source>
        <translation>Pair with…</translation>
    </message>
    <message>
        <source>设为本地新增</source>
        <translation>Mark as local</translation>
    </message>
    <message>
        <source>恢复自动配对</source>
        <translation>Restore automatic pairing</translation>
    </message>
    <message>
        <source>选择对应的上级条目</source>
        <translation>Choose the base item</translation>
    </message>
    <message>
        <source>输入编号或标题中的字词筛选</source>
        <translation>Type a number or words of a title to filter</translation>
    </message>
    <message>
        <source>其他条目…</source>
        <translation>Other item…</translation>
    </message>
    <message>
        <source>右侧条目：%1</source>
        <translation>Right item: %1</translation>
    </message>
    <message>
        <source>关系：</source>
        <translation>Relation:</translation>
    </message>
    <message>
        <source>保存的设置 %1 无效，已改用默认值。</source>
        <translation>Saved setting %1 was invalid; the default is used instead.</translation>
    </message>
    <message>
        <source>（请先重新比较这两份文件）</source>
        <translation>(Compare these two files again first)</translation>
    </message>
    <message>
        <source>两份文件的关系：修订稿逐条对比改动；落实文件逐条找出所落实的上级条目</source>
        <translation>How the documents relate: a revision is compared change by change; an implementing document is paired item by item with the base items it carries out</translation>
    </message>
    <message>
        <source>修订</source>
        <translation>Revision</translation>
    </message>
    <message>
        <source>落实</source>
        <translation>Implementation</translation>
    </message>
    <message>
        <source>自动判断</source>
        <translation>Automatic</translation>
    </message>
    <message>
        <source>手动指定</source>
        <translation>chosen by hand</translation>
    </message>
    <message>
        <source>修订（原稿→修改稿）</source>
        <translation>Revision (draft → revised)</translation>
    </message>
    <message>
        <source>落实（上级文件→落实文件）</source>
        <translation>Implementation (base → implementing)</translation>
    </message>
    <message>
        <source>细化</source>
        <translation>Elaborated</translation>
    </message>
    <message>
        <source>仅涉及</source>
        <translation>Touched</translation>
    </message>
    <message>
        <source>未见落实</source>
        <translation>Not taken up</translation>
    </message>
    <message>
        <source>本地新增</source>
        <translation>Local</translation>
    </message>
    <message>
        <source>移动</source>
        <translation>Moved</translation>
    </message>
    <message>
        <source>此对应为人工设定。</source>
        <translation>This pairing was set by hand.</translation>
    </message>
    <message>
        <source>其他候选：</source>
        <translation>Other candidates:</translation>
    </message>
    <message>
        <source>（人工）</source>
        <translation> (by hand)</translation>
    </message>
    <message>
        <source>待核</source>
        <translation>To check</translation>
    </message>
    <message>
        <source>（待核）</source>
        <translation> (to check)</translation>
    </message>
    <message>
        <source>待核：与 %1 得分接近，请核对。</source>
        <translation>To check: %1 scores nearly as well.</translation>
    </message>
    <message>
        <source>未改</source>
        <translation>Unchanged</translation>
    </message>
    <message>
        <source>改写</source>
        <translation>Rewritten</translation>
    </message>
    <message>
        <source>关系：%1（%2）</source>
        <translation>Relation: %1 (%2)</translation>
    </message>
    <message>
        <source>对应上级条目：%1</source>
        <translation>Base item: %1</translation>
    </message>
    <message>
        <source>细化（%1 项）</source>
        <translation>Elaborated (%1 items)</translation>
    </message>
    <message>
        <source>落实条目：%1</source>
        <translation>Carried out by: %1</translation>
    </message>
    <message>
        <source>共同主题词：%1</source>
        <translation>Subject terms in common: %1</translation>
    </message>
    <message>
        <source>领先次选：%1</source>
        <translation>Margin over the next candidate: %1</translation>
    </message>
    <message>
        <source>两份文件的关系：</source>
        <translation>Relation of the documents:</translation>
    </message>
    <message>
        <source>改动</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>未见落实的上级条目</source>
        <translation>Base items not taken up</translation>
    </message>
    <message>
        <source>仅涉及的上级条目</source>
        <translation>Base items touched in passing</translation>
    </message>
    <message>
        <source>本地新增的条目</source>
        <translation>Local items</translation>
    </message>
    <message>
        <source>上级条目落实情况</source>
        <translation>Base items by grade</translation>
    </message>
    <message>
        <source>左侧删除的条目</source>
        <translation>Sections deleted on the left</translation>
    </message>
    <message>
        <source>右侧新增的条目</source>
        <translation>Sections inserted on the right</translation>
    </message>
    <message>
        <source>位置：%1 → %2</source>
        <translation>Position: %1 → %2</translation>
    </message>
    <message>
        <source>导出选项</source>
        <translation>Export options</translation>
    </message>
    <message>
        <source>修改说明留空，由起草人填写</source>
        <translation>Leave the notes column blank for the drafter</translation>
    </message>
    <message>
        <source>新增内容加粗（另有下划线）</source>
        <translation>Bold added wording (besides the underline)</translation>
    </message>
    <message>
        <source>显示颜色底纹（删除线、下划线始终保留）</source>
        <translation>Colour shading (strike-through and underline are always kept)</translation>
    </message>
    <message>
        <source>为有改动的条目添加 Word 批注</source>
        <translation>Add a Word comment to each changed item</translation>
    </message>
    <message>
        <source>A4 横向（三栏较宽）</source>
        <translation>A4 landscape (wider columns)</translation>
    </message>
    <message>
        <source>只列出改动（未修改的条目略去，在原处以一行注明）</source>
        <translation>Changes only (unchanged items left out, one line where they stood)</translation>
    </message>
    <message>
        <source>只列出与上级文件有差异的条目（照搬的条目略去，在原处以一行注明）</source>
        <translation>Only items that differ from the base document (copied items left out, one line where they stood)</translation>
    </message>
    <message>
        <source>如“第三章至第五章 未修改（略去 12 条）”；概况中写明共略去多少条</source>
        <translation>E.g. “第三章至第五章 未修改（略去 12 条）”; the overview says how many items were left out</translation>
    </message>
    <message>
        <source>略去照搬上级文件（表述基本照录）、没有要点变化的条目</source>
        <translation>Leaves out items that copy the base document (its wording nearly whole) and have no findings</translation>
    </message>
    <message>
        <source>仅用于修订：落实情况一栏总是写明落实程度</source>
        <translation>Revisions only: the coverage column always states the grade</translation>
    </message>
    <message>
        <source>Word 修订记录中显示的作者</source>
        <translation>Author shown in Word's tracked changes</translation>
    </message>
    <message>
        <source>使用导出时的时间</source>
        <translation>Use the time of export</translation>
    </message>
    <message>
        <source>修订作者：</source>
        <translation>Revision author:</translation>
    </message>
    <message>
        <source>繁简不同时按原文逐字比较</source>
        <translation>Compare Traditional and Simplified text as written</translation>
    </message>
    <message>
        <source>两份文件繁简相同，无需选择</source>
        <translation>Both documents are in the same script: nothing to choose</translation>
    </message>
    <message>
        <source>默认先把左侧转换为右侧的繁体或简体再比较，繁简写法不同不算修订；勾选后按原文比较，仅写法不同之处另记一名修订人</source>
        <translation>By default the left document is first converted to the right one's script (Traditional or Simplified), so script differences are no revisions; when checked, the texts are compared as written and differences of script alone go under a second reviewer</translation>
    </message>
    <message>
        <source>修订时间：</source>
        <translation>Revision time:</translation>
    </message>
    <message>
        <source>只看改动</source>
        <translation>Changes only</translation>
    </message>
    <message>
        <source>隐藏未修改的章节，并把未修改的文字折叠为一行（点击该行展开）</source>
        <translation>Hide unchanged sections and fold unchanged text to one line (click the line to expand it)</translation>
    </message>
    <message>
        <source>两份文件内容相同，没有差异</source>
        <translation>The two documents are identical: there are no differences</translation>
    </message>
    <message>
        <source>两份文件几乎没有相同内容，请确认是否选错了文件</source>
        <translation>The two documents have almost nothing in common; please check that the right files were chosen</translation>
    </message>
    <message>
        <source>…… %1 未修改（折叠）……</source>
        <translation>…… %1 unchanged (folded) ……</translation>
    </message>
    <message>
        <source>关闭提示</source>
        <translation>Close this notice</translation>
    </message>
    <message>
        <source>相同</source>
        <translation>Same</translation>
    </message>
    <message>
        <source>修订（原稿 → 修改稿）</source>
        <translation>Revision (draft → revised)</translation>
    </message>
    <message>
        <source>落实（上级文件 → 落实文件）</source>
        <translation>Implementation (base → implementing)</translation>
    </message>
</context>
</TS>
