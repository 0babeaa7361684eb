package cn.ecozone.layer;

/**
 * What the candidates of an envelope hold, counted from the index before any analysis reads them: how many zones and
 * how many vertices. Counting stops as soon as either passes the caller's limit ({@code complete} is then false and
 * the numbers are lower bounds), so a box over the whole country costs no more than the limit.
 */
public record Footprint(long candidates, long vertices, boolean complete) {
    public static final Footprint NONE = new Footprint(0, 0, true);

    public Footprint plus(Footprint o) {
        return new Footprint(candidates + o.candidates, vertices + o.vertices, complete && o.complete);
    }
}
