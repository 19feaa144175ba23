import { LIMITS } from '@gatehouse/shared';
import { Button, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { readProblem } from '../../app/graphql-errors';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { expiryDayOf, expiryOfDay, formatExpiry, todayInputValue } from '../../components/dates';
import { notifySuccess } from '../../components/notify';
import { useRequestExtension } from './use-request-extension';

export interface RequestExtensionButtonProps {
  groupId: string;
  groupName: string;
  /** The viewer's current expiry; without one there is nothing to extend and nothing is shown. */
  expiresAt: string | null | undefined;
  /** `viewerCan.requestExtension`: a member with no pending request. */
  canRequest: boolean;
}

/**
 * "Request extension" on the member's group page (SPEC §20): pick the day the membership should
 * last until (its end, in your time zone) and say why; the group's approvers decide. The expiry
 * warning links here with `?extend=1`, which opens the dialog at once.
 */
export function RequestExtensionButton({ groupId, groupName, expiresAt, canRequest }: RequestExtensionButtonProps) {
  const [requestExtension, { loading }] = useRequestExtension();
  const offered = canRequest && Boolean(expiresAt);
  const [params, setParams] = useSearchParams();
  const fromWarning = params.get('extend') === '1';
  // The warning's link (`?extend=1`) opens the dialog while it is in the address; closing takes it out.
  const [openedByClick, setOpened] = useState(false);
  const opened = openedByClick || (fromWarning && offered);
  const [day, setDay] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [dayError, setDayError] = useState<string | null>(null);

  if (!offered) return null;

  const current = expiryDayOf(expiresAt);
  const close = () => {
    setOpened(false);
    if (fromWarning) {
      setParams(
        (search) => {
          const next = new URLSearchParams(search);
          next.delete('extend');
          return next;
        },
        { replace: true },
      );
    }
    setError(null);
    setDayError(null);
  };

  const submit = async () => {
    setError(null);
    setDayError(null);
    const until = expiryOfDay(day);
    if (!until) {
      setDayError('Pick the day your membership should last until.');
      return;
    }
    try {
      await requestExtension({ variables: { groupId, until, reason: reason.trim() || null } });
      notifySuccess(`Your request to extend your membership of ${groupName} until ${formatExpiry(until)} was sent to the approvers.`);
      setDay('');
      setReason('');
      close();
    } catch (failure) {
      const problem = readProblem(failure, { fields: ['until', 'reason'] as const });
      if (problem.fields['until']) setDayError(problem.fields['until']);
      else setError(problem.message ?? 'The request could not be sent.');
    }
  };

  return (
    <>
      <Button variant="default" onClick={() => setOpened(true)}>
        Request extension
      </Button>
      <ConfirmDialog
        opened={opened}
        title={`Ask to extend your membership of ${groupName}`}
        confirmLabel="Send request"
        loading={loading}
        onClose={close}
        onConfirm={() => void submit()}
      >
        <Stack gap="sm">
          {error ? <ErrorAlert>{error}</ErrorAlert> : null}
          <Text size="sm">
            Your membership ends on {formatExpiry(expiresAt)}. The group’s approvers decide; if they approve, it lasts until the end
            of the day you pick (your time zone).
          </Text>
          <TextInput
            type="date"
            label="Extend until"
            min={current ?? todayInputValue()}
            value={day}
            onChange={(event) => setDay(event.currentTarget.value)}
            error={dayError}
            disabled={loading}
            required
          />
          <Textarea
            label="Reason (optional)"
            description="Tell the approvers why. They see it with your request."
            autosize
            minRows={2}
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
            maxLength={LIMITS.reasonMax}
            disabled={loading}
          />
        </Stack>
      </ConfirmDialog>
    </>
  );
}
