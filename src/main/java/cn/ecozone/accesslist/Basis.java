package cn.ecozone.accesslist;

/**
 * The legal basis of a requirement: who issued it ({@code 国家}, a province, city or county name), the document and
 * the article or section.
 */
public record Basis(String issuer, String document, String article) {
    public Basis {
        issuer = issuer == null ? "" : issuer.trim();
        document = document == null ? "" : document.trim();
        article = article == null ? "" : article.trim();
    }

    /** As printed in a report: {@code 《…》§7.4}. */
    public String text() {
        return document + article;
    }
}
