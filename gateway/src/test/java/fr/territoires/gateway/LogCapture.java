package fr.territoires.gateway;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** The records logged under a category (the root: "") while it is open, as the JBoss LogManager passes them on. */
public final class LogCapture extends Handler implements AutoCloseable {

    private final Logger logger;
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();

    private LogCapture(String category) {
        logger = Logger.getLogger(category);
        logger.addHandler(this);
    }

    public static LogCapture of(String category) {
        return new LogCapture(category);
    }

    /** Each record's message with its parameters put in (printf style, as JBoss Logging's {@code infof}). */
    public List<String> lines() {
        return records.stream().map(r -> r.getParameters() == null ? r.getMessage()
                : String.format(r.getMessage(), r.getParameters())).toList();
    }

    public List<LogRecord> records() {
        return List.copyOf(records);
    }

    @Override
    public void publish(LogRecord record) {
        records.add(record);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        logger.removeHandler(this);
    }
}
