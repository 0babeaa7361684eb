package cn.ecozone.analysis;

import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The site reader's warnings ({@code SiteInput.warnings()}, "中文 / English" strings made while reading a 国土 TXT or
 * a GeoJSON/WKT upload) as {@link Notice}s written for people. The reader's texts are matched as they are written
 * today ({@code InputNoticesTest} feeds each case through the real reader, so a changed wording fails there); a
 * warning no rule knows keeps its own two halves under {@code input.other}.
 */
public final class InputNotices {
    private record Rule(String code, Pattern pattern, Function<Matcher, String[]> texts) {}

    private static final List<Rule> RULES = List.of(
            new Rule("input.crs-not-declared", Pattern.compile("^文件未声明坐标系"), m -> new String[] {
                    "界址点文件没有写明坐标系，已按 2000 国家大地坐标系（CGCS2000）读取。",
                    "The boundary-point file does not name its coordinate system; it was read as CGCS2000."}),
            new Rule("input.east-north-order", Pattern.compile("^第 (\\d+) 行起坐标为“东,北”顺序"), m -> new String[] {
                    "界址点文件从第 " + m.group(1) + " 行起先写东坐标、后写北坐标（按位数识别），已按此读取。",
                    "From line " + m.group(1) + " on, the file gives the east coordinate before the north one (recognised by the number of digits); "
                            + "it was read that way."}),
            new Rule("input.zone-width-mismatch", Pattern.compile("^文件头“几度分带=(\\d+)”与坐标带号 (\\d+)（(\\d+)度带）不符"), m -> new String[] {
                    "文件头写的是 " + m.group(1) + " 度分带，但坐标中的带号 " + m.group(2) + " 属于 " + m.group(3) + " 度带；已按坐标读取，请核对文件。",
                    "The file header says " + m.group(1) + "° zones, but the coordinates carry zone number " + m.group(2) + " of a " + m.group(3)
                            + "° zone; the coordinates were used. Please check the file."}),
            new Rule("input.no-zone-prefix", Pattern.compile("^Y 坐标不带带号，按文件头 带号=(\\d+) 读取"), m -> new String[] {
                    "东坐标（Y）不带带号，已按文件头写明的第 " + m.group(1) + " 带读取。",
                    "The east coordinates (Y) carry no zone number; zone " + m.group(1) + " from the file header was used."}),
            new Rule("input.zone-mismatch", Pattern.compile("^文件头 带号=(\\d+)，但坐标 Y 的前两位为 (\\d+)"), m -> new String[] {
                    "文件头写明第 " + m.group(1) + " 带，但坐标中的带号是 " + m.group(2) + "；已按坐标（第 " + m.group(2) + " 带）读取，请核对文件。",
                    "The file header gives zone " + m.group(1) + ", but the coordinates carry zone " + m.group(2) + "; they were read in zone "
                            + m.group(2) + ". Please check the file."}),
            new Rule("input.point-count", Pattern.compile("^地块“(.*)”声明界址点数 (\\d+)，实际 (\\d+) 个"), m -> new String[] {
                    "地块“" + m.group(1) + "”在文件中写明有 " + m.group(2) + " 个界址点，实际读到 " + m.group(3) + " 个，请核对。",
                    "Parcel “" + m.group(1) + "” declares " + m.group(2) + " boundary points but the file lists " + m.group(3) + "; please check."}),
            new Rule("input.ring-closed", Pattern.compile("^地块“(.*)”第 (\\d+) 圈未以首点 (\\S+) 结束，已自动闭合"), m -> new String[] {
                    "地块“" + m.group(1) + "”第 " + m.group(2) + " 圈的最后一点不是首点 " + m.group(3) + "，已自动闭合。",
                    "Ring " + m.group(2) + " of parcel “" + m.group(1) + "” did not end at its first point " + m.group(3) + "; it was closed automatically."}),
            new Rule("input.crs-ignored", Pattern.compile("^界址点文件的坐标系由文件本身确定，已忽略参数 crs=(.*?) / "), m -> new String[] {
                    "界址点文件自带坐标系，上传时另行指定的坐标系（" + m.group(1) + "）未使用。",
                    "A boundary-point file carries its own coordinate system; the one given with the upload (" + m.group(1) + ") was not used."}));

    private InputNotices() {}

    /** The notice for one of the reader's warnings. */
    public static Notice of(String warning) {
        for (Rule r : RULES) {
            Matcher m = r.pattern().matcher(warning);
            if (m.find()) {
                String[] t = r.texts().apply(m);
                return new Notice(r.code(), t[0], t[1]);
            }
        }
        int slash = warning.indexOf(" / ");
        return slash < 0 ? new Notice("input.other", warning, warning)
                : new Notice("input.other", warning.substring(0, slash).strip(), warning.substring(slash + 3).strip());
    }
}
