/** Generated jOOQ records, exposed with the rest of the generated schema. */
@NamedInterface("db")
package dev.baton.platform.db.tables.records;

import org.springframework.modulith.NamedInterface;
