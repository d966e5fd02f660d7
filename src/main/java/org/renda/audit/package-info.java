/**
 * The audit log: every change to a record, who made it and when, with its state before and after,
 * appended in the same transaction as the change to a hash chain that shows any later tampering.
 */
@ApplicationModule(displayName = "Audit")
@NullMarked
package org.renda.audit;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
