package org.renda.shared.pdf;

/** Paper sizes in PDF points (1/72 inch). */
public enum PageFormat {
    A4(595.28f, 841.89f),
    A4_LANDSCAPE(841.89f, 595.28f),
    A5_LANDSCAPE(595.28f, 419.53f);

    private final float width;
    private final float height;

    PageFormat(float width, float height) {
        this.width = width;
        this.height = height;
    }

    public float width() {
        return width;
    }

    public float height() {
        return height;
    }
}
