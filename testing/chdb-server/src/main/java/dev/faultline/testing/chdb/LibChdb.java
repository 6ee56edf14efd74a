package dev.faultline.testing.chdb;

import com.sun.jna.Library;
import com.sun.jna.Pointer;

/**
 * The part of libchdb's C API ({@code chdb.h}) this server uses, mapped by JNA.
 * {@code size_t} is mapped to {@code long}: the library only exists for 64-bit Linux.
 */
interface LibChdb extends Library {

	void chdb_set_signal_handlers_enabled(int enabled);

	/** Returns a {@code chdb_connection *}, or null. */
	Pointer chdb_connect(int argc, String[] argv);

	void chdb_close_conn(Pointer connectionHandle);

	Pointer chdb_query_n(Pointer connection, byte[] query, long queryLength, byte[] format, long formatLength);

	Pointer chdb_query_with_params_n(Pointer connection, byte[] query, long queryLength, byte[] format,
			long formatLength, Pointer[] names, long[] nameLengths, Pointer[] values, long[] valueLengths, long count);

	Pointer chdb_result_buffer(Pointer result);

	long chdb_result_length(Pointer result);

	long chdb_result_rows_read(Pointer result);

	long chdb_result_bytes_read(Pointer result);

	long chdb_result_rows_written(Pointer result);

	long chdb_result_bytes_written(Pointer result);

	double chdb_result_elapsed(Pointer result);

	String chdb_result_error(Pointer result);

	void chdb_destroy_query_result(Pointer result);

}
