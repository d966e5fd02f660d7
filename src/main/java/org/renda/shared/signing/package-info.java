/**
 * Ed25519 signatures with a key pair kept in a file outside the database (JDK 17, no extra library): what
 * a database administrator alone cannot re-sign. Used for vote results and audit checkpoints.
 */
@NullMarked
package org.renda.shared.signing;

import org.jspecify.annotations.NullMarked;
