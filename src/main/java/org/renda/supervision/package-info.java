/**
 * Supervision (监督): subjects and topics, deputy groups, the yearly rhythm, activities, findings, the eight-step
 * method, officials' duty reports.
 */
@ApplicationModule(displayName = "Supervision")
@NullMarked
package org.renda.supervision;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
