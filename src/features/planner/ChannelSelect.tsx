import { memo, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { plannerTables } from '../../core/cube/prepared';
import { useLoadedData } from '../../core/dataset/loaded-context';
import { useUnavailable } from '../../core/ui/table-status';
import {
  type ChannelOption,
  channelLabel,
  channelOptions,
  NO_CHANNEL,
  plannerChannels,
} from './data/planner-queries';

interface ChannelSelectProps {
  /** The chosen channel key; NO_CHANNEL = cases without one; null = all channels. */
  value: string | null;
  onChange: (channel: string | null) => void;
}

// Option values: `all`, or `k:` + the channel key (so no key, not even the empty one, can be taken for "all").
const ALL = 'all';
const optionValue = (key: string | null) => (key === null ? ALL : `k:${key}`);
const keyOf = (value: string) => (value === ALL ? null : value.slice(2));

/**
 * "Kanal layanan": all channels, the configured ones in config.json's order (listed before the cases are
 * read), the others found in the cases, and "no channel" when some cases carry none.
 */
export const ChannelSelect = memo(function ChannelSelect({ value, onChange }: ChannelSelectProps) {
  const { t } = useTranslation();
  const { client, config } = useLoadedData();
  const unavailable = useUnavailable()(['cases']);
  const [found, setFound] = useState<ChannelOption[] | null>(null);
  useEffect(() => {
    let live = true;
    void plannerTables(client)
      // Not asked once the planner has closed (another section opened while the tables were made).
      .then(() => (live ? plannerChannels(client, config.channels) : null))
      .then(
        (channels) => live && channels && setFound(channels.options),
        (error: unknown) => console.error(error),
      );
    return () => {
      live = false;
    };
  }, [client, config.channels]);
  const options = found ?? channelOptions(config.channels, []);
  const listed = options.filter((o) => o.listed);
  const others = options.filter((o) => !o.listed && o.key !== NO_CHANNEL);
  const none = options.some((o) => o.key === NO_CHANNEL);
  // A channel from the link not (yet) listed stays shown until the settings check has decided on it.
  const stray = value !== null && !options.some((o) => o.key === value) ? value : null;
  const item = (key: string, label: string) => (
    <option key={key} value={optionValue(key)}>
      {label}
    </option>
  );
  return (
    <label className="field grow">
      <span>{t('planner.filters.channel')}</span>
      <select
        data-testid="filter-channel"
        value={optionValue(value)}
        disabled={unavailable !== null}
        title={unavailable ?? t('planner.channel.hint')}
        onChange={(e) => onChange(keyOf(e.target.value))}
      >
        <option value={ALL}>{t('planner.channel.all')}</option>
        {listed.length > 0 && (
          <optgroup label={t('planner.channel.listed')}>{listed.map((o) => item(o.key, o.label))}</optgroup>
        )}
        {others.length > 0 && (
          <optgroup label={t('planner.channel.unlisted')}>{others.map((o) => item(o.key, o.label))}</optgroup>
        )}
        {none && item(NO_CHANNEL, t('planner.channel.none'))}
        {stray !== null &&
          item(stray, stray === NO_CHANNEL ? t('planner.channel.none') : (channelLabel(stray) ?? stray))}
      </select>
      {unavailable && <span className="muted">{unavailable}</span>}
    </label>
  );
});
