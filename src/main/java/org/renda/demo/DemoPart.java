package org.renda.demo;

import java.util.Map;

/**
 * One capability's share of the demo county, loaded after the organisation tree and the accounts, in the
 * same transaction, in {@link org.springframework.core.annotation.Order} order (deputies 20, stations 30,
 * appraisals 40, assessments 50). Each part calls its module's public API, never its tables.
 */
interface DemoPart {

    /**
     * @param orgs organisation ids by code (QH, QH-AL, QH-AL-V01, QH-D11, ...)
     * @param users user ids by demo user name (admin, anlan.staff, deputy.li, ...)
     */
    void load(Map<String, Long> orgs, Map<String, Long> users);
}
