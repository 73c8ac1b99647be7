package org.xietong.healthcare.settlement.engine;

/** Catalog class (甲/乙/丙类): A fully eligible, B eligible after its first self-pay ratio, C not covered. */
public enum ItemClass {
    A, B, C
}
