'use client';
import { useController, useWatch, type UseFormReturn } from 'react-hook-form';
import { CheckboxField, Field } from '@/components/ui/field';
import { Input, Select, Textarea } from '@/components/ui/input';
import { isTransfer, KINDS, type DocumentKind } from '@/lib/inventory/kinds';
import type { DocumentFormValues, Option } from './form-values';
import { PartnerCombobox, type PartnerChoice } from './partner-combobox';

type Form = UseFormReturn<DocumentFormValues>;

/**
 * Date, partner, warehouse (a transfer: from and to warehouses, no partner), external number, "create the goods
 * document" for invoices, and the note.
 * `fixedNote`: the id of the reason why the date, the warehouse and the switch are read-only (a pinned
 * document, correction-scope.ts); their values stay in the form as loaded, so a save keeps them. `partnerFixed`: the
 * partner is read-only too (returns name the document: correction-scope.ts, partnerFixed).
 */
export function HeaderFields({
  form,
  kind,
  warehouses,
  partner,
  onPartner,
  fixedNote,
  partnerFixed = false,
}: {
  form: Form;
  kind: DocumentKind;
  warehouses: Option[];
  partner: PartnerChoice | null;
  onPartner: (choice: PartnerChoice | null) => void;
  fixedNote: string | null;
  partnerFixed?: boolean;
}) {
  const info = KINDS[kind];
  const { errors } = form.formState;
  const {
    ref: partnerRef,
    onChange: setPartnerId,
    onBlur: onPartnerBlur,
  } = useController({ control: form.control, name: 'partnerId' }).field;
  const fixed = fixedNote ?? undefined;
  const role = info.partnerRole;
  return (
    <>
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Field id="date" label="Date" error={errors.date?.message} describedBy={fixed}>
          <Input type="date" readOnly={fixedNote !== null} {...form.register('date')} />
        </Field>
        {role && (
          <Field
            id="partnerId"
            label={role === 'supplier' ? 'Supplier' : 'Customer'}
            error={errors.partnerId?.message}
            describedBy={partnerFixed ? fixed : undefined}
          >
            {partnerFixed ? (
              <Input readOnly value={partner?.label ?? 'None'} />
            ) : (
              <PartnerCombobox
                kind={kind}
                selected={partner}
                ref={partnerRef}
                onBlur={onPartnerBlur}
                onSelect={(choice) => {
                  onPartner(choice);
                  setPartnerId(choice?.id ?? '');
                }}
                clearLabel={info.partnerRequired ? undefined : 'None'}
                placeholder={info.partnerRequired ? `Choose the ${role}` : undefined}
              />
            )}
          </Field>
        )}
        <WarehouseField
          form={form}
          name="warehouseId"
          label={role ? 'Warehouse' : 'From warehouse'}
          warehouses={warehouses}
          fixedNote={fixedNote}
        />
        {!role && (
          <WarehouseField
            form={form}
            name="destinationWarehouseId"
            label="To warehouse"
            warehouses={warehouses}
            fixedNote={fixedNote}
          />
        )}
        <Field
          id="externalNumber"
          label="External number"
          error={errors.externalNumber?.message}
          hint={externalNumberHint(role)}
        >
          <Input autoComplete="off" {...form.register('externalNumber')} />
        </Field>
      </div>
      {info.generates && <StockSwitch form={form} kind={kind} fixedNote={fixedNote} />}
      {isTransfer(kind) && <TransitSwitch form={form} fixedNote={fixedNote} />}
      <Field id="note" label="Note" error={errors.note?.message}>
        <Textarea rows={2} {...form.register('note')} />
      </Field>
    </>
  );
}

function externalNumberHint(role: 'supplier' | 'customer' | null): string {
  if (role === 'supplier') return 'The supplier’s own number of this paper, e.g. its delivery note.';
  if (role === 'customer') return 'The customer’s own number of this paper, e.g. its order.';
  return 'Your own number of this paper, e.g. its consignment note.';
}

/** A warehouse of the document (a transfer has two): a select, or read-only on a pinned document. */
function WarehouseField({
  form,
  name,
  label,
  warehouses,
  fixedNote,
}: {
  form: Form;
  name: 'warehouseId' | 'destinationWarehouseId';
  label: string;
  warehouses: Option[];
  fixedNote: string | null;
}) {
  return (
    <Field id={name} label={label} error={form.formState.errors[name]?.message} describedBy={fixedNote ?? undefined}>
      {fixedNote ? (
        <FixedWarehouse form={form} name={name} warehouses={warehouses} />
      ) : (
        <Select {...form.register(name)}>
          <option value="">Choose the warehouse</option>
          {warehouses.map((w) => (
            <option key={w.id} value={w.id}>
              {w.code} · {w.name}
            </option>
          ))}
        </Select>
      )}
    </Field>
  );
}

/**
 * A select cannot be read-only, and a disabled one that is registered would drop its value: the fixed
 * warehouse is shown in a disabled select outside the form state, which keeps the loaded value.
 */
function FixedWarehouse({
  form,
  name,
  warehouses,
  ...control
}: {
  form: Form;
  name: 'warehouseId' | 'destinationWarehouseId';
  warehouses: Option[];
  id?: string;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
}) {
  const value = useWatch({ control: form.control, name });
  return (
    <Select {...control} disabled value={value} onChange={() => undefined}>
      {warehouses.map((w) => (
        <option key={w.id} value={w.id}>
          {w.code} · {w.name}
        </option>
      ))}
    </Select>
  );
}

/** A transfer's "In transit": the goods leave now and are received at the destination later (read-only when pinned). */
function TransitSwitch({ form, fixedNote }: { form: Form; fixedNote: string | null }) {
  const checked = useWatch({ control: form.control, name: 'inTransit' });
  return (
    <CheckboxField
      id="inTransit"
      label="In transit: receive at the destination later, scanning what arrived"
      error={form.formState.errors.inTransit?.message}
    >
      {fixedNote ? (
        <input
          id="inTransit"
          type="checkbox"
          className="size-4"
          disabled
          checked={checked}
          onChange={() => undefined}
          aria-describedby={fixedNote}
        />
      ) : (
        <input id="inTransit" type="checkbox" className="size-4" {...form.register('inTransit')} />
      )}
    </CheckboxField>
  );
}

/** An invoice's "Create goods receipt / issue": read-only too on a pinned invoice (it would move the stock). */
function StockSwitch({ form, kind, fixedNote }: { form: Form; kind: DocumentKind; fixedNote: string | null }) {
  const generates = KINDS[kind].generates!;
  const checked = useWatch({ control: form.control, name: 'createStockDocument' });
  const error = form.formState.errors.createStockDocument?.message;
  return (
    <CheckboxField id="createStockDocument" label={`Create ${KINDS[generates].label.toLowerCase()}`} error={error}>
      {fixedNote ? (
        <input
          id="createStockDocument"
          type="checkbox"
          className="size-4"
          disabled
          checked={checked}
          onChange={() => undefined}
          aria-describedby={fixedNote}
        />
      ) : (
        <input id="createStockDocument" type="checkbox" className="size-4" {...form.register('createStockDocument')} />
      )}
    </CheckboxField>
  );
}
