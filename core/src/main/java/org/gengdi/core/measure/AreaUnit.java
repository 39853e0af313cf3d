package org.gengdi.core.measure;

/** Units in which farmland areas are reported: m² (stored values), 亩 (public summaries), 公顷 (official reports). */
public enum AreaUnit {
    /** Square metre, the unit of every stored area (TBMJ, KCMJ, …). */
    SQUARE_METRE("m²", 1, 1),
    /** 亩 (mu): exactly 10 000 / 15 m² (≈ 666.67 m²). */
    MU("亩", 10000, 15),
    /** 公顷 (hectare): 10 000 m². */
    HECTARE("公顷", 10000, 1);

    private final String symbol;
    // One unit is numerator / denominator m², kept as a fraction so that 亩 converts without a rounded constant.
    private final double numerator;
    private final double denominator;

    AreaUnit(String symbol, double numerator, double denominator) {
        this.symbol = symbol;
        this.numerator = numerator;
        this.denominator = denominator;
    }

    /** The symbol written after a number: {@code m²}, {@code 亩}, {@code 公顷}. */
    public String symbol() {
        return symbol;
    }

    /** How many square metres one unit is. */
    public double squareMetres() {
        return numerator / denominator;
    }

    /** An area in square metres expressed in this unit. */
    public double fromSquareMetres(double m2) {
        return m2 * denominator / numerator;
    }

    /** An amount of this unit in square metres. */
    public double toSquareMetres(double amount) {
        return amount * numerator / denominator;
    }

    /** An amount of this unit expressed in another unit. */
    public double convert(double amount, AreaUnit to) {
        return to.fromSquareMetres(toSquareMetres(amount));
    }
}
