namespace Segue.Data;

/// <summary>One thread's share of an <see cref="OrderedParallel"/> run: parsers keep scratch
/// buffers (and open zips) between items, so each thread has its own, disposed when it ends.</summary>
internal interface IOrderedWorker<in TItem, out TResult> : IDisposable
{
    TResult Work(TItem item);
}

/// <summary>
/// Items taken in order, worked on in parallel, and their results handed back in the same order:
/// ingest's shape (slices or table chunks parsed on every core, merged one by one in file order so
/// that ids follow first appearance) and the MPD check's. At most twice as many items as threads
/// are taken and not yet merged, so memory stays bounded whatever the input's size. The first
/// failure, of a worker or of the merge, stops every thread and is thrown on the calling thread.
/// </summary>
internal static class OrderedParallel
{
    /// <param name="take">The next item, or false when there is none. Called by one thread at a
    /// time, in order: a table is read chunk after chunk from one stream.</param>
    /// <param name="merge">Each item and its result, in the order taken, on the calling thread.</param>
    public static void Run<TItem, TResult>(int threads, TryTake<TItem> take, Func<IOrderedWorker<TItem, TResult>> newWorker,
        Action<TItem, TResult> merge)
    {
        int window = 2 * threads;
        var slots = new (TItem Item, TResult Result, bool Ready)[window];
        var gate = new object();
        var takeLock = new object();
        // Items reserved (being taken, worked on or waiting) and not yet merged; -1: total unknown.
        int inFlight = 0, taken = 0, total = -1;
        bool stop = false;
        Exception? failure = null;

        void Fail(Exception e)
        {
            lock (gate)
            {
                failure ??= e;
                stop = true;
                Monitor.PulseAll(gate);
            }
        }

        void Work()
        {
            try
            {
                using var worker = newWorker();
                while (true)
                {
                    lock (gate)
                    {
                        while (!stop && total < 0 && inFlight >= window) Monitor.Wait(gate);
                        if (stop || total >= 0) return;
                        inFlight++;
                    }
                    TItem item;
                    int index;
                    lock (takeLock)
                    {
                        if (total >= 0 || !take(out item))
                        {
                            lock (gate)
                            {
                                if (total < 0) total = taken;
                                inFlight--;
                                Monitor.PulseAll(gate);
                            }
                            return;
                        }
                        index = taken++;
                    }
                    var result = worker.Work(item);
                    lock (gate)
                    {
                        slots[index % window] = (item, result, true);
                        Monitor.PulseAll(gate);
                    }
                }
            }
            catch (Exception e)
            {
                Fail(e);
            }
        }

        var workers = Enumerable.Range(0, threads).Select(_ => new Thread(Work) { IsBackground = true }).ToList();
        workers.ForEach(w => w.Start());
        try
        {
            for (int i = 0; ; i++)
            {
                (TItem Item, TResult Result, bool Ready) next;
                lock (gate)
                {
                    ref var slot = ref slots[i % window];
                    while (failure is null && !slot.Ready && (total < 0 || i < total)) Monitor.Wait(gate);
                    if (failure is not null || !slot.Ready) break;
                    next = slot;
                    slot = default;
                }
                merge(next.Item, next.Result);
                lock (gate)
                {
                    inFlight--;
                    Monitor.PulseAll(gate);
                }
            }
        }
        catch (Exception e)
        {
            Fail(e);
        }
        finally
        {
            lock (gate)
            {
                stop = true;
                Monitor.PulseAll(gate);
            }
            workers.ForEach(w => w.Join());
        }
        if (failure is not null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
    }

    public delegate bool TryTake<TItem>(out TItem item);
}
