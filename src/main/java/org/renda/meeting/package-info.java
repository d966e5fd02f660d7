/**
 * Meetings and elections (会议 · 选举): congress sessions, presidium meetings, joint meetings and forums; agenda,
 * materials, attendance and quorum, motions, resolutions with open votes, minutes and documents; elections and
 * by-elections with qualification review.
 */
@ApplicationModule(displayName = "Meetings")
@NullMarked
package org.renda.meeting;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
