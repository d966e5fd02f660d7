/** The database seen from the application: telling a failover or an outage from a bad request. */
@NullMarked
package org.renda.shared.db;

import org.jspecify.annotations.NullMarked;
