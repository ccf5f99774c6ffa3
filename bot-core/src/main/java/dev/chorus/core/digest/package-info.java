/**
 * Work no member triggered: channel digests, personal digests, reminders before a
 * deadline, and closing a question when its deadline passes. Every piece of such work is a job with
 * a key of its own, claimed with a lease before it is done and marked done after, so several
 * replicas running the schedule do each job once.
 */
@NullMarked
package dev.chorus.core.digest;

import org.jspecify.annotations.NullMarked;
