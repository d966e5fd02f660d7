package org.renda.deputy;

/** A rendered document and the file name it is saved under. */
record Printout(byte[] pdf, String filename) {}
