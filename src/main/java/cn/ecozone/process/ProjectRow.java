package cn.ecozone.process;

import cn.ecozone.io.SiteInput;

/**
 * One project of a batch: a feature, a CSV row or a TXT file.
 *
 * @param row where it came from: the line of a CSV file (header = 1), the feature's number (from 1), or the file's
 *            number in a ZIP (from 1)
 * @param source a file name inside a ZIP, else null
 * @param industry the row's own industry, or null (the batch's default then applies)
 * @param site the parsed site, or null when the row is bad
 * @param error why the row could not be read (Chinese / English), or null
 */
public record ProjectRow(int row, String source, String name, String industry, SiteInput site, String error) {
    public static ProjectRow bad(int row, String source, String name, String error) {
        return new ProjectRow(row, source, name, null, null, error);
    }
}
