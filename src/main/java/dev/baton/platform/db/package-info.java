/**
 * jOOQ classes generated at build time from the Flyway migrations. Which module may touch which
 * table is a convention (table names follow the owning module) until the tables are split.
 */
@NamedInterface("db")
package dev.baton.platform.db;

import org.springframework.modulith.NamedInterface;
