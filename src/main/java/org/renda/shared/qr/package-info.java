/** QR codes (ZXing): a deputy's public page, and later any printed link, as a scannable square. */
@NullMarked
package org.renda.shared.qr;

import org.jspecify.annotations.NullMarked;
