/**
 * Constraint annotations for values every module takes from people: mainland phone numbers, resident ID
 * numbers, years and counts. Forms and API bodies use them, so a page and the API refuse the same values
 * with the same message.
 */
@NullMarked
package org.renda.shared.validation;

import org.jspecify.annotations.NullMarked;
