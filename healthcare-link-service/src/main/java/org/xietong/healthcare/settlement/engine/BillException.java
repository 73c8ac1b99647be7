package org.xietong.healthcare.settlement.engine;

/**
 * A bill the engine cannot settle, with a stable slug: the caller's input is wrong (400) or no policy or catalog
 * answers it (422). The engine stays free of HTTP; services turn this into problem details.
 */
public class BillException extends RuntimeException {

    private final int status;
    private final String slug;

    public BillException(int status, String slug, String detail) {
        super(detail, null, false, false);
        this.status = status;
        this.slug = slug;
    }

    public static BillException invalid(String slug, String detail) {
        return new BillException(400, slug, detail);
    }

    public static BillException unanswerable(String slug, String detail) {
        return new BillException(422, slug, detail);
    }

    public int status() {
        return status;
    }

    public String slug() {
        return slug;
    }
}
